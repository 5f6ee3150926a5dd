#!/usr/bin/env bash
# The baseline: PlanetScale's documented way to get a scoped service token, as a workflow would
# script it with curl and jq (the docs' `curl --header 'Authorization: <ID>:<TOKEN>'` calls):
# create the token, grant its accesses with one call per database and one for the organization,
# in sequence, and delete it when the job is done. It does the same API work as the action's main
# and post, without the action's validation, masking of the minting token, checks or cleanup on
# failure.
#
# Env: PLANETSCALE_API_URL (no trailing slash), PLANETSCALE_ORG, PLANETSCALE_SERVICE_TOKEN_ID,
# PLANETSCALE_SERVICE_TOKEN (the minting token), TOKEN_NAME, TTL (seconds), DATABASES
# (space-separated), DATABASE_ACCESSES and ORG_ACCESSES (JSON arrays of access names); CA_CERT, if
# set, the CA to trust (the bench's fake API serves a test certificate).
set -euo pipefail

tokens="$PLANETSCALE_API_URL/v1/organizations/$PLANETSCALE_ORG/service-tokens"
call() {
  curl --silent --show-error --fail ${CA_CERT:+--cacert "$CA_CERT"} \
    --header "Authorization: $PLANETSCALE_SERVICE_TOKEN_ID:$PLANETSCALE_SERVICE_TOKEN" \
    --header 'accept: application/json' --header 'content-type: application/json' "$@"
}

# Create, and pick the ID and secret out of the answer with one jq.
created=$(call --request POST --url "$tokens" --data "{\"name\": \"$TOKEN_NAME\", \"ttl\": $TTL}")
{ read -r id; read -r token; } < <(jq -r '.id, .token' <<<"$created")
echo "::add-mask::$id"
echo "::add-mask::$token"

# One grant per database, then one for the organization (database ""), as pscale sends them.
for database in $DATABASES; do
  call --request POST --url "$tokens/$id/access" --data "{\"database\": \"$database\", \"access\": $DATABASE_ACCESSES}" >/dev/null
done
call --request POST --url "$tokens/$id/access" --data "{\"database\": \"\", \"access\": $ORG_ACCESSES}" >/dev/null

# ... the job's steps would use $id and $token here ...

call --request DELETE --url "$tokens/$id" >/dev/null
