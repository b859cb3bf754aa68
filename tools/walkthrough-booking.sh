#!/usr/bin/env bash
# The tour, second part: a case's conference request booked as a coordinator would (a prison
# venue, everyone's availability, suggestions, a hold, a confirmation), the messages it sends on
# the stand-ins (npm run stand-ins), a reschedule, and what reporting counts. tools/walkthrough.sh
# runs it at its end; alone: bash tools/walkthrough-booking.sh CASE_ID, for a case whose
# conference was requested as there (a person harmed, a person responsible in custody at
# hmp-elmley with their offender manager). Times are UTC; outside 21:00-08:00 London time an SMS
# goes at once, inside it waits for 08:00 unless npm start had QUIET_HOURS_START=0 QUIET_HOURS_END=0.
set -euo pipefail
. "$(dirname "$0")/walkthrough-common.sh"
CASE=${1:?usage: bash tools/walkthrough-booking.sh CASE_ID (a case whose conference was requested, as tools/walkthrough.sh leaves it)}

PARTICIPANTS=$(call GET /cases/$CASE/participants "$COORDINATOR")
KASE=$(call GET /cases/$CASE "$COORDINATOR")
of_role() { jq -r --arg role "$1" --arg field "$2" '[.[] | select(.role == $role and .removedAt == null)][0][$field]' <<<"$PARTICIPANTS"; }
HARMED=$(of_role person-harmed id)
RESPONSIBLE=$(of_role person-responsible id)
OFFENDER_MANAGER=$(of_role offender-manager id)
LEAD=$(jq -r .leadFacilitator.id <<<"$KASE")
CO=$(jq -r .coFacilitator.id <<<"$KASE")

# The prison's visiting slots, recorded once (a second run finds the venue).
VENUE_LABEL='HMP Elmley, official visits hall'
VENUE=$(call GET /venues "$COORDINATOR" | jq -r --arg venueLabel "$VENUE_LABEL" '[.[] | select(.label == $venueLabel)][0].id // empty')
if [ -z "$VENUE" ]; then
  VENUE=$(call POST /venues "$COORDINATOR" -d "$(jq -nc --arg venueLabel "$VENUE_LABEL" '{kind: "prison", label: $venueLabel, timeZone: "Europe/London", accessible: true, establishment: "hmp-elmley",
    address: "Church Road, Eastchurch, Sheerness ME12 4DZ", directions: "Bring photo ID and arrive 30 minutes before the visit",
    hours: [range(1; 6) as $day | {weekday: $day, start: "09:30", "end": "11:30"}, {weekday: $day, start: "14:00", "end": "16:30"}]}')" | jq -r .id)
fi

# Every id the answers carry, by the name a coordinator knows it by.
NAMES=$(jq -c --argjson kase "$KASE" --argjson venues "$(call GET /venues "$COORDINATOR")" \
  '(map({key: .id, value: "\(.name) (\(.role))"}) + [{key: $kase.leadFacilitator.id, value: "\($kase.leadFacilitator.displayName) (lead facilitator)"},
    {key: $kase.coFacilitator.id, value: "\($kase.coFacilitator.displayName) (co-facilitator)"}] + ($venues | map({key: .id, value: .label}))) | from_entries' <<<"$PARTICIPANTS")
named() { jq -c --argjson names "$NAMES" "def named: if type == \"string\" then (. as \$s | reduce (\$names | to_entries[]) as \$e (\$s; gsub(\$e.key; \$e.value))) else . end; $1 | walk(named)"; }

pending_session() { call GET "/sessions?caseId=$CASE&status=pending" "$COORDINATOR" | jq -r '[.[] | select(.kind == "conference")][0].id // empty'; }
SESSION=$(wait_for 20 pending_session) || { echo "case $CASE has no pending conference in scheduling (yet): request one first, as tools/walkthrough.sh does" >&2; exit 1; }

echo "--- everyone's availability, in their own time zone (the person in custody: the prison's visiting slots):"
weekly() { jq -nc --arg days "$1" --arg from "$2" --arg until "$3" '{weekly: [$days | split(",")[] | {weekday: tonumber, start: $from, "end": $until}]}'; }
errors_only() { jq -c 'select(.statusCode?)'; }
call PUT /people/$HARMED/availability "$COORDINATOR" -d "$(weekly 2,3,4 09:00 17:00)" | errors_only
call PUT /people/$OFFENDER_MANAGER/availability "$COORDINATOR" -d "$(weekly 1,2,3,4 09:00 17:00)" | errors_only
for F in $LEAD $CO; do call PUT /people/$F/availability "$COORDINATOR" -d "$(weekly 1,2,3,4,5 09:00 17:00)" | errors_only; done
# The co-facilitator is away all of next Tuesday (UTC days; recorded once).
AWAY=$(jq -nr 'now | floor | (. - . % 86400) as $today | (($today / 86400 + 4) % 7) as $weekday | $today + 86400 * (((2 - $weekday + 6) % 7) + 1) | todate')
if ! call GET /people/$CO/availability "$COORDINATOR" | jq -e --arg start "${AWAY%Z}.000Z" 'any(.exceptions[]; .start == $start)' >/dev/null; then
  call POST /people/$CO/availability/exceptions "$COORDINATOR" -d "$(jq -nc --arg start "$AWAY" '{start: $start, "end": ($start | fromdateiso8601 + 86400 | todate), available: false}')" | errors_only
fi
for P in $HARMED $OFFENDER_MANAGER $LEAD $CO; do
  call GET /people/$P/availability "$COORDINATOR" | named '{person: .personId, weekly: [.weekly[] | "\(["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][.weekday]) \(.start)-\(.end)"], away: [.exceptions[] | select(.available | not) | .start[0:10]]}'
done

echo "--- suggestions for the conference: times and a venue that suit everyone, earliest first:"
OPTIONS=$(call GET "/sessions/$SESSION/suggestions?k=3" "$COORDINATOR")
named '.[] | {start, "end": .end, venue: .venueLabel} + (if .nearMiss then {nearMiss: .nearMiss.reason} else {} end)' <<<"$OPTIONS"
FIRST=$(jq -c '.[0] | {start, venueId}' <<<"$OPTIONS")
SECOND=$(jq -c '.[1] | {start, venueId}' <<<"$OPTIONS")

echo "--- a hold outside the visiting slots is refused, saying why:"
call POST /sessions/$SESSION/hold "$COORDINATOR" -d "$(jq -c '.start |= .[0:10] + "T12:30:00Z"' <<<"$FIRST")" | named '{statusCode, error, broken: [.details.violations[]?.detail]}'

# So that the tour sees a reminder of the first booking fall due, the person harmed gets one
# extra reminder, about a minute from now (the defaults: two days and two hours before).
now() { jq -nr 'now | floor'; }
EXTRA=$(jq -r '(.start | fromdateiso8601) - now - 25 | . / 60 | floor' <<<"$FIRST")
if [ "$EXTRA" -ge 1 ] && [ "$EXTRA" -le 20160 ]; then
  DUE=$(jq -r --argjson minutes "$EXTRA" '(.start | fromdateiso8601) - $minutes * 60' <<<"$FIRST")
  call PUT /notifications/reminder-plans "$COORDINATOR" -d "{\"participantId\":\"$HARMED\",\"confirmation\":true,\"offsetsMinutes\":[2880,120,$EXTRA]}" | errors_only
  echo "--- a reminder plan for the person harmed: 2 days, 2 hours and $EXTRA minutes before (due $(jq -nr --argjson t "$DUE" '$t | todate') for this time)"
else
  DUE=''
fi

echo "--- held for the first suggestion, then confirmed:"
call POST /sessions/$SESSION/hold "$COORDINATOR" -d "$FIRST" | named '{status, version, startsAt, venue: .venueId, holdExpiresAt}'
call POST /sessions/$SESSION/confirm "$COORDINATOR" | named '{status, version, startsAt, venue: .venueId}'

# What the stand-ins received for this case's messages: an SMS names its message in its status
# callback, an email in its Message-ID (the same number gets the SMS of every run's Sarah).
messages() { call GET /cases/$CASE/messages "$COORDINATOR"; }
ids_of() { messages | jq -c --arg channel "$1" --arg purpose "$2" '[.[] | select(.channel == $channel and ($purpose == "" or .purpose == $purpose)) | .id]'; }
sms_of() { { curl -sf "$TWILIO_STAND_IN/_stand-in/messages" || echo '{"messages": []}'; } | jq -c --argjson ids "$(ids_of sms "${1:-}")" '.messages[] | select(.statusCallback // "" | capture("message=(?<id>[0-9a-f-]+)").id as $id | $ids | index($id)) | {to, from, body, status}'; }
mail_of() { { curl -sf "$SMTP_CATCHER/messages" || echo '{"messages": []}'; } | jq -c --argjson ids "$(ids_of email "${1:-}")" '.messages[] | select(.messageId // "" | ltrimstr("<") | split("@")[0] as $id | $ids | index($id)) | {to: .envelope.to, subject, text, invite: (.calendars | length > 0)}'; }
not_yet() {
  if curl -sf "$TWILIO_STAND_IN/_stand-in/messages" >/dev/null; then
    echo "(none after 20 s: between 21:00 and 08:00 London time an SMS waits for the morning; see the README tour)"
  else
    echo "(no Twilio stand-in answers at $TWILIO_STAND_IN: start it, and npm start with TWILIO_API_URL pointing at it; see the README tour)"
  fi
}
log_lines() { messages | named '.[] | {to: .participantId, sessionVersion, purpose, channel, status}'; }

echo "--- the person harmed gets an SMS confirmation (the Twilio stand-in); a prison is named only to the professionals arranging the visit, so it gives the time and the office's line:"
wait_for 20 sms_of confirmation || not_yet
echo "--- the person in custody gets nothing; their offender manager gets the logistics by email, the prison's name and address with them (the SMTP catcher):"
no_mail() { curl -sf "$SMTP_CATCHER/messages" >/dev/null && echo "(none after 20 s)" || echo "(no SMTP catcher answers at $SMTP_CATCHER: npm run stand-ins; see the README tour)"; }
wait_for 20 mail_of confirmation || no_mail
log_lines

echo "--- moved to the second suggestion: version 2; its reminders replace the first booking's:"
call POST /sessions/$SESSION/reschedule "$COORDINATOR" -d "$SECOND" | named '{status, version, startsAt, venue: .venueId}'
MOVED=$(wait_for 20 sms_of reschedule) || MOVED=''
echo "${MOVED:-$(not_yet)}"
wait_for 20 mail_of reschedule || no_mail
if [ -n "$MOVED" ]; then
  # A reply counts for the latest message sent to the number: this one, so only once it went.
  echo "--- the person harmed replies C to it (a reply from a phone, through the stand-in): attendance confirmed for version 2"
  REPLY=$(jq -c --arg url "$API/webhooks/twilio/inbound" '{from: .to, to: .from, body: "C", url: $url}' <<<"$MOVED")
  curl -s "$TWILIO_STAND_IN/_stand-in/inbound" -d "$REPLY" | jq -c --argjson reply "$REPLY" '$reply + {webhookAnswered: .httpStatus}'
  confirmed() { call GET /sessions/$SESSION "$COORDINATOR" | named 'select(.attendance | length > 0) | {version, attendance: [.attendance[] | {participantId, via}]}'; }
  wait_for 10 confirmed || echo "(not recorded after 10 s)"
fi

if [ -n "$DUE" ]; then
  WAIT=$((DUE - $(now) + 10))
  if [ "$WAIT" -gt 0 ]; then
    echo "--- waiting ${WAIT} s, past $(jq -nr --argjson t "$DUE" '$t | todate') when the first booking's extra reminder was due..."
    sleep "$WAIT"
  fi
fi
echo "--- the case's messages once the first booking's extra reminder was due: nothing of the first booking went after the move, nothing twice, nothing about the person in custody:"
log_lines
messages | jq -c --arg p "$RESPONSIBLE" '{messagesAboutThePersonInCustody: [.[] | select(.participantId == $p or .recipientId == $p)] | length}'
sms_of | jq -c .body
call GET /sessions/$SESSION "$COORDINATOR" | named '.history[] | {version, action, status, startsAt}'

echo "--- reporting counts the sessions and messages of the cases referred in November:"
sleep 1
REPORT=$(call GET '/reports?from=2026-11-01&to=2026-12-01' "$MANAGER")
jq -c '.figures.sessions | {booked, moved, moves, cancelled, byKind: (.byKind | map_values(.booked))}' <<<"$REPORT"
jq -c '.figures.messages | {total, sent, delivered, failed, heldByContentPolicy: .heldByContentPolicy.total, byChannel: (.byChannel | map_values(.total)),
  byPurpose: (.byPurpose | map_values(.total)), confirmedByReply: .confirmations.byVia.reply}' <<<"$REPORT"
