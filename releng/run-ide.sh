#!/bin/sh
# Starts the materialised NeuroMechFly DMN IDE (built by `./mvnw verify`; no native launcher, see BUILD.md).
#
#   releng/run-ide.sh [workspace] [extra Eclipse arguments...]
#
# workspace defaults to ~/dmn-workspace. Set DMN_IDE_HOME to run a product installed elsewhere and
# JAVA to pick a Java 17+ runtime. Under no display, wrap it: xvfb-run -a releng/run-ide.sh
set -eu

here=$(cd "$(dirname "$0")" && pwd)
home=${DMN_IDE_HOME:-$here/org.neuromechfly.dmn.product/target/products/org.neuromechfly.dmn.ide/linux/gtk/x86_64}
java=${JAVA:-java}
workspace=${1:-$HOME/dmn-workspace}
[ $# -gt 0 ] && shift

launcher=$(ls "$home"/plugins/org.eclipse.equinox.launcher_*.jar 2>/dev/null | head -n 1)
if [ -z "$launcher" ]; then
  echo "No product at $home: build it first with ./mvnw -B verify" >&2
  exit 1
fi

# Training, exports and the SameDiff graph run as a `dmn` process (ND4J never loads in Eclipse): the
# checkout's launcher unless DMN_COMMAND names another; connectome data from DMN_DATA_DIR or ../shared/data.
repo=$(cd "$here/.." && pwd)
dmn=${DMN_COMMAND:-$repo/dmn}
data=${DMN_DATA_DIR:-$(cd "$repo/.." && pwd)/shared/data}

mkdir -p "$workspace"
cd "$home"
# The launcher jar reads configuration/config.ini relative to the install; eclipse.ini is for the native
# launcher only, so its VM arguments are repeated here.
exec "$java" -Xmx1g -Ddmn.command="$dmn" -Ddmn.data.dir="$data" -jar "$launcher" -data "$workspace" "$@"
