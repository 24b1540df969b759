#!/usr/bin/env bash
# Posts documents to ingest-service: files, and folders (recursively), by extension:
#   .json -> application/json (one document), .ndjson -> application/x-ndjson (a batch),
#   .txt -> text/plain, .html/.htm -> text/html.
# Text and HTML go as raw bytes without a charset: the service detects UTF-8, GBK, GB18030, Big5.
# Shows a progress bar on stderr and a summary (accepted, duplicates, refused with reasons); exits
# with 1 when anything was refused, 2 on usage errors. Needs only bash and curl.
#
#   deploy/local/post.sh [--reextract] [--source TEXT] FILE_OR_DIR...
#
# Environment: ZHIBIAO_INGEST_URL (default http://127.0.0.1:$ZHIBIAO_INGEST_PORT, the port up.sh used, 8081 by default), ZHIBIAO_API_KEY (default
# local-dev-key). A 503 is retried (curl honours Retry-After); re-posting is safe, duplicates are
# recognized by the service.
set -uo pipefail

URL="${ZHIBIAO_INGEST_URL:-http://127.0.0.1:${ZHIBIAO_INGEST_PORT:-8081}}"
KEY="${ZHIBIAO_API_KEY:-local-dev-key}"
query=""

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
append_query() { query="${query:+$query&}$1"; }
urlencode() {
  local s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in [a-zA-Z0-9.~_-]) out+="$c" ;; *) out+="$(printf '%%%02X' "'$c")" ;; esac
  done
  printf '%s' "$out"
}

args=()
while (($#)); do
  case "$1" in
    --reextract) append_query "reextract=true" ;;
    --source) [[ $# -ge 2 ]] || usage; append_query "source=$(LC_ALL=C urlencode "$2")"; shift ;;
    -h|--help) usage ;;
    --) shift; args+=("$@"); break ;;
    -*) printf 'unknown option %s\n' "$1" >&2; usage ;;
    *) args+=("$1") ;;
  esac
  shift
done
((${#args[@]})) || usage
command -v curl >/dev/null || { echo "post.sh needs curl" >&2; exit 2; }

# ---- collect the files --------------------------------------------------------------------------
files=()
skipped=()
collect() {
  local path="$1"
  if [[ -d "$path" ]]; then
    local entry
    while IFS= read -r -d '' entry; do collect_file "$entry"; done \
      < <(find "$path" -type f -print0 | sort -z)
  elif [[ -f "$path" ]]; then
    collect_file "$path"
  else
    skipped+=("$path: no such file or folder")
  fi
}
collect_file() {
  case "${1,,}" in
    *.json|*.ndjson|*.txt|*.html|*.htm) files+=("$1") ;;
    *) skipped+=("$1: not .json, .ndjson, .txt, .html or .htm") ;;
  esac
}
for a in "${args[@]}"; do collect "$a"; done

content_type() {
  case "${1,,}" in
    *.ndjson) echo "application/x-ndjson" ;;
    *.json) echo "application/json" ;;
    *.txt) echo "text/plain" ;;
    *.html|*.htm) echo "text/html" ;;
  esac
}

# ---- answers ------------------------------------------------------------------------------------
# Pulls a string or number field out of a flat JSON fragment (the service's answers are simple).
field() {
  local re="\"$1\":(\"(([^\"\\\\]|\\\\.)*)\"|([0-9]+))"
  if [[ "$2" =~ $re ]]; then
    printf '%s' "${BASH_REMATCH[2]:-${BASH_REMATCH[4]}}"
  fi
}

accepted=0 duplicates=0 refused=0
reasons=()

record_single() {
  local file="$1" code="$2" body="$3"
  case "$code" in
    202) accepted=$((accepted + 1)) ;;
    200) duplicates=$((duplicates + 1)) ;;
    000) refused=$((refused + 1)); reasons+=("$file: ingest unreachable at $URL") ;;
    *) refused=$((refused + 1))
       reasons+=("$file: $code $(field title "$body")${body:+ - }$(field detail "$body")") ;;
  esac
}

record_batch() {
  local file="$1" code="$2" body="$3"
  if [[ "$code" != 200 ]]; then
    record_single "$file" "$code" "$body"
    return
  fi
  accepted=$((accepted + $(field accepted "$body")))
  duplicates=$((duplicates + $(field duplicates "$body")))
  refused=$((refused + $(field refused "$body")))
  # one item per '{"index":' chunk; refused items carry a problem with its detail
  local rest="$body" item
  while [[ "$rest" == *'{"index":'* ]]; do
    rest="${rest#*\{\"index\":}"
    item="${rest%%\{\"index\":*}"
    if [[ "$item" == *'"status":"REFUSED"'* ]]; then
      reasons+=("$file, $(field name "$item"): $(field httpStatus "$item") $(field title "$item") - $(field detail "$item")")
    fi
  done
}

progress() {
  local done="$1" total="$2" name="$3" width=30 filled
  filled=$((total ? done * width / total : width))
  printf '\r[%-*s] %d/%d %-40.40s' "$width" "$(printf '%*s' "$filled" '' | tr ' ' '#')" "$done" "$total" "$name" >&2
}

# ---- post ---------------------------------------------------------------------------------------
total=${#files[@]}
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
for i in "${!files[@]}"; do
  file="${files[$i]}"
  progress "$i" "$total" "$(basename "$file")"
  type="$(content_type "$file")"
  code="$(curl -sS -o "$tmp" -w '%{http_code}' --retry 3 --retry-max-time 60 \
      -H "Authorization: Bearer $KEY" -H "Content-Type: $type" --data-binary "@$file" \
      "$URL/documents${query:+?$query}" 2>/dev/null)" || code="${code:-000}"
  body="$(tr -d '\n' <"$tmp")"
  if [[ "$type" == application/x-ndjson ]]; then
    record_batch "$file" "$code" "$body"
  else
    record_single "$file" "$code" "$body"
  fi
done
progress "$total" "$total" "done"
printf '\n' >&2

printf 'accepted: %d, duplicates: %d, refused: %d' "$accepted" "$duplicates" "$refused" >&2
((${#skipped[@]})) && printf ', skipped: %d' "${#skipped[@]}" >&2
printf '\n' >&2
for r in "${reasons[@]+"${reasons[@]}"}"; do printf '  refused  %s\n' "$r" >&2; done
for s in "${skipped[@]+"${skipped[@]}"}"; do printf '  skipped  %s\n' "$s" >&2; done
((refused == 0))
