# Servers the tests need, sourced by .ci/run (as root on the CI machine).
# IMAP: the Inbox integration tests start their own dovecot from a throwaway config; they only need the binary.
if ! command -v dovecot >/dev/null 2>&1 && [ ! -x /usr/sbin/dovecot ]; then
  echo "installing dovecot-imapd"
  apt-get update && apt-get install -y dovecot-imapd || { echo "could not install dovecot-imapd"; exit 1; }
else
  echo "dovecot present: $(/usr/sbin/dovecot --version 2>/dev/null || dovecot --version)"
fi

# Browser: the e-mail link tests (tests/WebApi.Tests/BuiltInPages) drive Debian's chromium over the DevTools protocol.
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  echo "installing chromium"
  apt-get update && apt-get install -y chromium || { echo "could not install chromium"; exit 1; }
else
  echo "chromium present: $(/usr/bin/chromium --version 2>/dev/null | tail -n 1)"
fi
