#!/usr/bin/env bash
# Seeds 40 published items through the admin API (two-person rule: a second district admin approves) and logs a
# resident in. Env: BASE_URL, ADMIN_USER, ADMIN_PASSWORD. Prints RESIDENT_TOKEN and ITEM_ID for the wrk scripts.
set -euo pipefail
: "${BASE_URL:?}" "${ADMIN_USER:?}" "${ADMIN_PASSWORD:?}"
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
login() { curl -sf -H 'Content-Type: application/json' -H "X-Forwarded-For: 2001:db8:c::$3" \
  -d "{\"username\":\"$1\",\"password\":\"$2\"}" "$BASE_URL/api/admin/v1/auth/login" | json "['accessToken']"; }

ADMIN=$(login "$ADMIN_USER" "$ADMIN_PASSWORD" 1)
REVIEWER_USER="bench-reviewer-$RANDOM$RANDOM"
REVIEWER_PASSWORD="Bench-$RANDOM-$RANDOM-pass"
curl -sf -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$REVIEWER_USER\",\"displayName\":\"压测审核\",\"password\":\"$REVIEWER_PASSWORD\",\"role\":\"DISTRICT_ADMIN\"}" \
  "$BASE_URL/api/admin/v1/staff" >/dev/null
REVIEWER=$(login "$REVIEWER_USER" "$REVIEWER_PASSWORD" 2)

ITEM_ID=""
for i in $(seq 1 40); do
  BODY=$(python3 -c "import json; print(json.dumps({'type':'ARTICLE','title':'压测科普文章 %d' % $i,'summary':'云溪区科普压测数据 %d' % $i,'bodyHtml':'<p>'+'科学素质'*150+'</p>','topics':['HEALTH'],'groups':['FARMER' if $i % 2 else 'ELDERLY'],'planSections':['INFORMATIZATION']}))")
  ID=$(curl -sf -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d "$BODY" "$BASE_URL/api/admin/v1/contents" | json "['id']")
  curl -sf -X POST -H "Authorization: Bearer $ADMIN" "$BASE_URL/api/admin/v1/contents/$ID/submit" >/dev/null
  curl -sf -X POST -H "Authorization: Bearer $REVIEWER" "$BASE_URL/api/admin/v1/contents/$ID/approve" >/dev/null
  curl -sf -X POST -H "Authorization: Bearer $REVIEWER" "$BASE_URL/api/admin/v1/contents/$ID/publish" >/dev/null
  ITEM_ID=$ID
done

RESIDENT_TOKEN=$(curl -sf -H 'Content-Type: application/json' -H 'X-Forwarded-For: 2001:db8:c::ffff' \
  -d '{"code":"dev-bench-content"}' "$BASE_URL/api/v1/auth/wechat-login" | json "['accessToken']")
echo "RESIDENT_TOKEN=$RESIDENT_TOKEN"
echo "ITEM_ID=$ITEM_ID"
