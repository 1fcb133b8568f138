#!/usr/bin/env bash
# timed.sh LABEL COMMAND [ARG ...]: run one stage of a make target and say how long it took.
# With PHASEBOOK_TIMINGS=FILE set, also appends "seconds<TAB>status<TAB>label" to FILE, which
# `timed.sh --summary FILE` prints as a table at the end of `make test`.
set -uo pipefail

if [[ "${1:-}" == --summary ]]; then
    [[ -s "${2:-}" ]] || exit 0
    printf '\n%-52s %8s  %s\n' "stage" "seconds" "result"
    total=0
    while IFS=$'\t' read -r seconds status label; do
        printf '%-52s %8s  %s\n' "$label" "$seconds" "$status"
        total=$((total + seconds))
    done < "$2"
    printf '%-52s %8s\n' "total" "$total"
    exit 0
fi

label=$1
shift
printf '\n==> %s\n' "$label"
start=$(date +%s)
"$@"
rc=$?
seconds=$(( $(date +%s) - start ))
if (( rc == 0 )); then status=ok; else status="FAILED (exit $rc)"; fi
printf '\n<== %s: %s in %d s\n' "$label" "$status" "$seconds"
if [[ -n "${PHASEBOOK_TIMINGS:-}" ]]; then
    printf '%d\t%s\t%s\n' "$seconds" "$status" "$label" >> "$PHASEBOOK_TIMINGS"
fi
exit "$rc"
