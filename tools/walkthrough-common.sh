# What the tour's scripts share (sourced, not run): where things listen, a token per role, a call
# helper and a wait. Tokens come from the token command, signed with this checkout's local secrets,
# so the scripts run from the repository root of the checkout that `npm start` runs.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
API=${API:-http://localhost:3000}
TWILIO_STAND_IN=${TWILIO_STAND_IN:-http://127.0.0.1:8030}
SMTP_CATCHER=${SMTP_CATCHER:-http://127.0.0.1:8026}

if ! curl -sf "$API/health/live" >/dev/null; then
  echo "nothing answers at $API: start the system first (npm start), or set API to where it runs" >&2
  exit 1
fi

COORDINATOR=$(npm run -s cli -- token issue --role coordinator --org demo-service --sub demo-coordinator)
MANAGER=$(npm run -s cli -- token issue --role manager --org demo-service --sub demo-manager)
FACILITATOR=$(npm run -s cli -- token issue --role facilitator --org demo-service --sub fac-1)
OTHER_FACILITATOR=$(npm run -s cli -- token issue --role facilitator --org demo-service --sub fac-3)
OPS=$(npm run -s cli -- token issue --role ops --org demo-service)

call() { method=$1; path=$2; token=$3; shift 3; curl -s -X "$method" "$API$path" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }

# Runs a command every quarter second until it prints something other than nothing, null or
# false, for at most $1 seconds; prints that and succeeds, or fails (printing nothing).
wait_for() {
  local seconds=$1 out; shift
  for _ in $(seq $((seconds * 4))); do
    out=$("$@")
    if [ -n "$out" ] && [ "$out" != null ] && [ "$out" != false ]; then echo "$out"; return 0; fi
    sleep 0.25
  done
  return 1
}
