#!/bin/sh
# Installs GraphiQL's browser bundles (pinned in package-lock.json) with npm
# and copies them, with their licenses, to cms/static/cms/graphiql/vendor/,
# where Django's staticfiles finds them. Run by `make install`.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
modules="$here/node_modules"
vendor="$here/../static/cms/graphiql/vendor"

command -v npm >/dev/null || {
    echo "npm is required for GraphiQL's assets (Debian: apt-get install npm)" >&2
    exit 1
}
(cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)

rm -rf "$vendor"
mkdir -p "$vendor/react" "$vendor/react-dom" "$vendor/graphiql" "$vendor/plugin-explorer"
cp "$modules/react/umd/react.production.min.js" "$modules/react/LICENSE" "$vendor/react/"
cp "$modules/react-dom/umd/react-dom.production.min.js" "$modules/react-dom/LICENSE" \
    "$vendor/react-dom/"
# The source maps go along: the bundles name them, and production's hashed
# static storage resolves every file a bundle names.
for file in graphiql.min.js graphiql.min.js.map graphiql.min.css graphiql.min.css.map LICENSE; do
    cp "$modules/graphiql/$file" "$vendor/graphiql/"
done
cp "$modules/@graphiql/plugin-explorer/dist/graphiql-plugin-explorer.umd.js" \
    "$modules/@graphiql/plugin-explorer/dist/style.css" "$vendor/plugin-explorer/"
# The plugin's package has no license file of its own: it is MIT-licensed in
# the graphiql repository (graphiql's LICENSE is that repository's), and its
# bundle includes graphiql-explorer (MIT).
cp "$modules/graphiql/LICENSE" "$vendor/plugin-explorer/LICENSE"
cp "$modules/graphiql-explorer/LICENSE" "$vendor/plugin-explorer/LICENSE.graphiql-explorer"
echo "GraphiQL assets installed."
