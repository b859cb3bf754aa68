#!/usr/bin/env bash
# A first tour, as a coordinator, a manager and two facilitators would use Convene: a referral
# taken to a conference request here, then the conference booked, messaged, moved and counted
# (tools/walkthrough-booking.sh, run at the end). With the system up (npm start), from anywhere:
# bash tools/walkthrough.sh. Needs curl and jq; runs again and again against the same system.
set -euo pipefail
. "$(dirname "$0")/walkthrough-common.sh"

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
# A person in custody is never messaged: their offender manager on the case gets the logistics.
OFFENDER_MANAGER=$(call POST /cases/$CASE/participants "$COORDINATOR" -d "{\"role\":\"offender-manager\",\"supportsParticipantId\":\"$RESPONSIBLE\",\"name\":\"Olu Adeyemi\",\"email\":\"olu.adeyemi@probation.example.net\",\"safeChannels\":{\"sms\":false,\"voicemail\":false,\"email\":true,\"letters\":false}}" | jq -r .id)
call POST /cases/$CASE/contact-attempts "$COORDINATOR" -d "{\"participantId\":\"$HARMED\",\"channel\":\"phone\",\"outcome\":\"reached\",\"attemptedAt\":\"2026-11-20T14:00:00Z\"}" | jq -c .
ASSIGNMENT="{\"leadFacilitatorId\":\"$LEAD\",\"coFacilitatorId\":\"$CO\"}"
ASSIGNED=$(call PUT /cases/$CASE/facilitators "$COORDINATOR" -d "$ASSIGNMENT")
if [ "$(jq -r .error <<<"$ASSIGNED")" = facilitator-at-capacity ]; then
  # Every run gives them a case; from the eleventh on, they carry ten.
  echo "--- past a facilitator's capacity only a manager assigns:"
  jq -c '{error, message}' <<<"$ASSIGNED"
  ASSIGNED=$(call PUT /cases/$CASE/facilitators "$MANAGER" -d "$(jq -c '. + {overrideCapacity: true}' <<<"$ASSIGNMENT")")
fi
jq -c '{leadFacilitator, coFacilitator}' <<<"$ASSIGNED"
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
call POST /cases/$CASE/session-requests "$FACILITATOR" -d "{\"kind\":\"conference\",\"participantIds\":[\"$HARMED\",\"$RESPONSIBLE\",\"$OFFENDER_MANAGER\"]}" | jq -c '{kind, durationMinutes}'
echo "--- a facilitator not allocated to the case sees nothing of it:"
call GET /cases/$CASE "$OTHER_FACILITATOR" | jq -c .
pending_session() { call GET "/sessions?caseId=$CASE" "$COORDINATOR" | jq -c '.[] | {kind, status, durationMinutes, participantIds}'; }
SESSION_SEEN=$(wait_for 20 pending_session) || SESSION_SEEN='none after 20 s: failed events show in GET /ops/queues'
echo "--- the case's events, handled by the other services' workers:"
call GET /ops/queues "$OPS" | jq -c '.[] | {queue, completed: .counts.completed, waiting: .counts.waiting, failed: .counts.failed}'
call GET '/ops/queues/events-scheduling/jobs?state=completed&limit=3' "$OPS" | jq -c '.[] | {event: .name, payload: .data.payload}'
echo "--- scheduling made the conference request a pending session:"
echo "$SESSION_SEEN"
echo "--- reporting counts the referral, with no personal data in its read model:"
call GET '/reports?from=2026-11-01&to=2026-12-01' "$MANAGER" | jq -c '.figures.referrals'

bash tools/walkthrough-booking.sh "$CASE"
