#!/usr/bin/env bash
# A first tour of the cases API, as a coordinator, a manager and two facilitators would use it.
# Run it with the system up (npm start) from the repository root: bash tools/walkthrough.sh
# Needs curl and jq. Tokens come from the token command, signed with the local secrets.
set -euo pipefail
API=${API:-http://localhost:3000}
COORDINATOR=$(npm run -s cli -- token issue --role coordinator --org demo-service --sub demo-coordinator)
MANAGER=$(npm run -s cli -- token issue --role manager --org demo-service --sub demo-manager)
FACILITATOR=$(npm run -s cli -- token issue --role facilitator --org demo-service --sub fac-1)
OTHER_FACILITATOR=$(npm run -s cli -- token issue --role facilitator --org demo-service --sub fac-3)
OPS=$(npm run -s cli -- token issue --role ops --org demo-service)
call() { method=$1; path=$2; token=$3; shift 3; curl -s -X "$method" "$API$path" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }

# Registers a facilitator once (a second run finds them) and prints their id.
facilitator() {
  existing=$(call GET /facilitators "$MANAGER" | jq -r --arg user "$1" '.[] | select(.userId == $user) | .id')
  if [ -n "$existing" ]; then echo "$existing"; return; fi
  call POST /facilitators "$MANAGER" -d "{\"userId\":\"$1\",\"displayName\":\"$2\"}" | jq -r .id
}
LEAD=$(facilitator fac-1 "Linda Millington")
CO=$(facilitator fac-2 "Colin Treadwell")
facilitator fac-3 "Nisha Raval" >/dev/null

CASE=$(call POST /cases "$COORDINATOR" -d '{"source":"police","initiatedBy":"person-harmed","offenceCategory":"burglary","domesticAbuse":false,"sexualOffence":false,"hateCrime":false,"justiceStage":"post-sentence","ageGroup":"adult","receivedAt":"2026-11-20T09:00:00Z"}' | jq -r .id)
echo "--- referral received: case $CASE"
call POST /cases/$CASE/triage "$COORDINATOR" -d '{"decision":"accepted"}' | jq -c '{stage, firstContact}'
HARMED=$(call POST /cases/$CASE/participants "$COORDINATOR" -d '{"role":"person-harmed","name":"Sarah Jones","phone":"07700 900123","safeChannels":{"sms":true,"voicemail":false,"email":false,"letters":false}}' | jq -r .id)
RESPONSIBLE=$(call POST /cases/$CASE/participants "$COORDINATOR" -d '{"role":"person-responsible","name":"Mark Smith","safeChannels":{"sms":false,"voicemail":false,"email":false,"letters":false},"inCustody":true,"establishment":"hmp-elmley"}' | jq -r .id)
call POST /cases/$CASE/contact-attempts "$COORDINATOR" -d "{\"participantId\":\"$HARMED\",\"channel\":\"phone\",\"outcome\":\"reached\",\"attemptedAt\":\"2026-11-20T14:00:00Z\"}" | jq -c .
call PUT /cases/$CASE/facilitators "$COORDINATOR" -d "{\"leadFacilitatorId\":\"$LEAD\",\"coFacilitatorId\":\"$CO\"}" | jq -c '{leadFacilitator, coFacilitator}'
call POST /cases/$CASE/stage "$FACILITATOR" -d '{"to":"assessment"}' | jq -c '{stage, allowedMoves}'
echo "--- a refused move:"
call POST /cases/$CASE/stage "$FACILITATOR" -d '{"to":"closed","reason":"completed"}' | jq -c .
call POST /cases/$CASE/stage "$FACILITATOR" -d '{"to":"consent"}' | jq -c .stage
for P in $HARMED $RESPONSIBLE; do
  call POST /cases/$CASE/participants/$P/consents "$FACILITATOR" -d '{"scope":"participation","method":"written","givenAt":"2026-11-21T10:00:00Z"}' | jq -c '{participantId, scope}'
done
call POST /cases/$CASE/stage "$FACILITATOR" -d '{"to":"preparation"}' | jq -c .stage
echo "--- a conference before it is judged safe:"
call POST /cases/$CASE/session-requests "$FACILITATOR" -d "{\"kind\":\"conference\",\"participantIds\":[\"$HARMED\",\"$RESPONSIBLE\"]}" | jq -c .
call POST /cases/$CASE/assessments "$FACILITATOR" -d '{"suitable":true,"riskLevel":"low"}' | jq -c '{suitable}'
call POST /cases/$CASE/session-requests "$FACILITATOR" -d "{\"kind\":\"conference\",\"participantIds\":[\"$HARMED\",\"$RESPONSIBLE\"]}" | jq -c '{kind, durationMinutes}'
echo "--- a facilitator not allocated to the case sees nothing of it:"
call GET /cases/$CASE "$OTHER_FACILITATOR" | jq -c .
sleep 1
echo "--- the case's events, handled by the other services' workers:"
call GET /ops/queues "$OPS" | jq -c '.[] | {queue, completed: .counts.completed, waiting: .counts.waiting, failed: .counts.failed}'
call GET '/ops/queues/events-scheduling/jobs?state=completed&limit=3' "$OPS" | jq -c '.[] | {event: .name, payload: .data.payload}'
echo "--- scheduling made the conference request a pending session:"
call GET "/sessions?caseId=$CASE" "$COORDINATOR" | jq -c '.[] | {kind, status, durationMinutes, participantIds}'
echo "--- reporting counts the referral, with no personal data in its read model:"
call GET '/reports?from=2026-11-01&to=2026-12-01' "$MANAGER" | jq -c '.figures.referrals'
