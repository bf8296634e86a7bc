# Servers the tests need, sourced by .ci/run (as root on the CI machine).
# IMAP: the Inbox integration tests start their own dovecot from a throwaway config; they only need the binary.
if ! command -v dovecot >/dev/null 2>&1 && [ ! -x /usr/sbin/dovecot ]; then
  echo "installing dovecot-imapd"
  apt-get update && apt-get install -y dovecot-imapd || { echo "could not install dovecot-imapd"; exit 1; }
else
  echo "dovecot present: $(/usr/sbin/dovecot --version 2>/dev/null || dovecot --version)"
fi

# Front-end contract (issue #15): Node.js/npm for the TypeScript client smoke test, chromium for the Swagger UI
# browser test. Installed only when missing; the tests fail under CI=true without them.
if ! command -v npm >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1; then
  echo "installing nodejs, npm and chromium"
  apt-get update && apt-get install -y nodejs npm chromium || { echo "could not install nodejs/npm/chromium"; exit 1; }
else
  echo "node $(node --version), npm $(npm --version), $(chromium --version 2>/dev/null | head -n 1)"
fi
