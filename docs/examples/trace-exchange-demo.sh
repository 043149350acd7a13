#!/usr/bin/env bash
# The trace exchange walkthrough of docs/trace-exchange.md, between two registries on one machine:
# A (Argentina) and B (Colombia). Start them first, each in its own folder (each keeps ./traza-data):
#   JAR=$PWD/target/traza.jar; mkdir -p /tmp/a /tmp/b
#   (cd /tmp/a && java -Dtrace.national-country=AR -Dregistry.originator=RENAR \
#      -Dadmin.password=admin-pass-A1 -jar "$JAR" --port 8181) &
#   (cd /tmp/b && java -Dtrace.national-country=CO -Dregistry.originator=DIJIN \
#      -Dadmin.password=admin-pass-B1 -jar "$JAR" --port 8282) &
# then, once both answer /health: bash docs/examples/trace-exchange-demo.sh
set -euo pipefail
A=${A:-localhost:8181}; B=${B:-localhost:8282}; OUT=${OUT:-$(mktemp -d)}
json() { python3 -c "import sys,json; d=json.load(sys.stdin); print(eval('d'+sys.argv[1]))" "$1"; }
login() { curl -sf $1/api/auth/login -H 'Content-Type: application/json' -d "{\"username\":\"$2\",\"password\":\"$3\"}" | json '["token"]'; }
post() { curl -sf "$1$2" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' -d "$4"; }
ADMIN_A=$(login $A admin admin-pass-A1); ADMIN_B=$(login $B admin admin-pass-B1)
for who in "inv INVESTIGATOR" "arm ARMOURER" "aud AUDITOR"; do set -- $who
  post $A /api/users $ADMIN_A "{\"username\":\"$1\",\"fullName\":\"$1\",\"password\":\"a long passphrase\",\"roles\":[\"$2\"]}" >/dev/null
  post $B /api/users $ADMIN_B "{\"username\":\"$1\",\"fullName\":\"$1\",\"password\":\"a long passphrase\",\"roles\":[\"$2\"]}" >/dev/null
done
INV_A=$(login $A inv 'a long passphrase'); ARM_A=$(login $A arm 'a long passphrase'); AUD_A=$(login $A aud 'a long passphrase')
INV_B=$(login $B inv 'a long passphrase'); AUD_B=$(login $B aud 'a long passphrase')

echo "== A registers the pistol 88012-74 and receives it into a vault"
FID=$(post $A /api/firearms $ADMIN_A '{"type":"PISTOL","make":"BERETTA","model":"92FS","calibre":"9X19","serialNumber":"88012-74","provenance":"MANUFACTURED_HERE","manufactureCountry":"AR","manufactureYear":2015}' | json '["id"]')
VAULT=$(post $A /api/locations $ADMIN_A '{"code":"V-1","name":"Vault 1","kind":"VAULT"}' | json '["id"]')
post $A /api/custody-events $ARM_A "{\"firearmId\":$FID,\"action\":\"RECEIVE\",\"locationId\":$VAULT,\"idempotencyKey\":\"demo-1\"}" >/dev/null

echo "== A files Colombia's trace request: the serial reads B8O12?4"
TR=$(post $A /api/trace-requests $INV_A '{"requestingAuthority":"DIJIN","requestingCountry":"CO","contact":"dijin@example.org","caseReference":"CO-2026-4471","legalBasis":"CIFTA Art. XIII","illicitReason":"recovered at a crime scene","weaponType":"PISTOL","weaponMake":"BERETTA","serialAsRead":"B8O12?4","obliterated":true,"originCountry":"AR"}')
TID=$(echo "$TR" | json '["id"]'); echo "filed $(echo "$TR" | json '["reference"]')"
curl -sf $A/api/trace-requests/$TID/candidates -H "Authorization: Bearer $INV_A" | python3 -c "
import sys,json; d=json.load(sys.stdin)
for c in d['candidates'][:3]: print('  candidate', c['firearm']['serial'], c['firearm']['make'], 'score', c['score'], c['reasons'])"
for step in acknowledge start; do post $A /api/trace-requests/$TID/$step $INV_A '{}' >/dev/null; done
post $A /api/trace-requests/$TID/answer $INV_A "{\"outcome\":\"IDENTIFIED\",\"firearmId\":$FID}" | json '["status"]'
curl -sf $A/api/trace-requests/$TID/response -H "Authorization: Bearer $INV_A" | python3 -c "
import sys,json; d=json.load(sys.stdin); print('  response:', d['outcome'], d['weapon']['serial'], len(d['custody']['events']), 'custody event(s), chain intact:', d['custody']['chainIntact'])"
curl -sf $A/api/trace-requests/$TID/response -H "Authorization: Bearer $INV_A" -H 'Accept: application/pdf' -o $OUT/response.pdf
echo "  PDF: $(head -c 5 $OUT/response.pdf) $(stat -c %s $OUT/response.pdf) bytes"

echo "== A exports it as JSON; B imports it"
curl -sf $A/api/trace-requests/$TID/export -H "Authorization: Bearer $INV_A" -o $OUT/exchange.json
echo "  $(stat -c %s $OUT/exchange.json) bytes, schema: $(curl -sf $B/api/trace-exchange/schema | json '["title"]')"
curl -sf $B/api/trace-requests/import -H "Authorization: Bearer $INV_B" -H 'Content-Type: application/json' --data-binary @$OUT/exchange.json | python3 -c "
import sys,json; d=json.load(sys.stdin); print('  B filed', d['reference'], d['status'], 'sent by', d['senderCountry'], 'as', d['senderReference'], 'response received', d['responseReceivedAt'])"
echo "  a broken document:"
curl -s $B/api/trace-requests/import -H "Authorization: Bearer $INV_B" -H 'Content-Type: application/json' -d '{"format":"traza-trace-exchange/1","exportedAt":"now","sender":{"country":"ar","authority":"x"},"request":{"reference":"R"}}' | python3 -c "
import sys,json; d=json.load(sys.stdin); print('  ', d['status'], d['detail']); [print('    ', v['field'], v['message']) for v in d['violations']]" 

echo "== the audit logs"
curl -sf "$A/api/audit-entries?targetId=CO-2026-4471&limit=20" -H "Authorization: Bearer $AUD_A" | python3 -c "
import sys,json; [print('  A', e['occurredAt'][:19], e['actor'], e['action'], e.get('detail') or '') for e in reversed(json.load(sys.stdin)['items'])]"
curl -sf "$B/api/audit-entries?targetId=CO-2026-4471&limit=20" -H "Authorization: Bearer $AUD_B" | python3 -c "
import sys,json; [print('  B', e['occurredAt'][:19], e['actor'], e['action'], e.get('detail') or '') for e in reversed(json.load(sys.stdin)['items'])]"
