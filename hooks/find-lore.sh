# lore: sets "$@" to the command that runs lore, or says why it cannot and leaves the hook's
# subshell. Sourced by the hook templates beside it; `lore hooks install` writes it into each
# hook in place of that line, with this node and this lore as the fallback. The hook names
# what failed ($lore_cannot) and how to retry ($lore_retry).
lore_node=node lore_js=${0%/*}/../bin/lore.js
# GUI git clients and nvm setups often run hooks without lore on PATH.
if command -v lore >/dev/null 2>&1; then set -- lore
elif [ -f "$lore_js" ] && command -v "$lore_node" >/dev/null 2>&1; then set -- "$lore_node" "$lore_js"
else
  echo "lore: $lore_cannot (lore is not on PATH and $lore_js is missing)$lore_retry" >&2
  exit 0
fi
