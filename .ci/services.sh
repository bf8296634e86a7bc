# Servers the tests need, sourced by .ci/run (as root on the CI machine).
# IMAP: the Inbox integration tests start their own dovecot from a throwaway config; they only need the binary.
if ! command -v dovecot >/dev/null 2>&1 && [ ! -x /usr/sbin/dovecot ]; then
  echo "installing dovecot-imapd"
  apt-get update && apt-get install -y dovecot-imapd || { echo "could not install dovecot-imapd"; exit 1; }
else
  echo "dovecot present: $(/usr/sbin/dovecot --version 2>/dev/null || dovecot --version)"
fi
