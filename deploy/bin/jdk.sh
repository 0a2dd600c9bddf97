# shellcheck shell=bash
# Finds a JDK whose major version is at least BANKFLOW_MIN_JAVA (25: the release the build compiles for) and
# exports JAVA_HOME. Order: $JAVA_HOME, then every JDK under /usr/lib/jvm and /opt, newest first, then `java` on PATH.
# Sourced by ./bankflow; never installs anything.

BANKFLOW_MIN_JAVA=${BANKFLOW_MIN_JAVA:-25}

_java_major() { # $1 = path to a java binary; prints its feature version (17, 21, 25, ...)
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

bankflow_find_jdk() {
  local candidates=() dir major
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  for dir in $(ls -1d /usr/lib/jvm/*/ /opt/*jdk*/ /opt/java/*/ 2>/dev/null | sort -rV); do candidates+=("${dir%/}"); done
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for dir in "${candidates[@]}"; do
    [[ -x "$dir/bin/java" && -x "$dir/bin/javac" ]] || continue
    major=$(_java_major "$dir/bin/java")
    if [[ -n "$major" && "$major" -ge "$BANKFLOW_MIN_JAVA" ]]; then
      export JAVA_HOME="$dir"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  {
    echo "bankflow: no JDK ${BANKFLOW_MIN_JAVA} or newer found."
    echo "  Looked at: \$JAVA_HOME, /usr/lib/jvm/*, /opt/*jdk*, and 'java' on PATH."
    echo "  Install a JDK ${BANKFLOW_MIN_JAVA} (for example Eclipse Temurin ${BANKFLOW_MIN_JAVA}) and/or set JAVA_HOME to it."
  } >&2
  return 1
}

bankflow_require_maven() {
  if ! command -v mvn >/dev/null 2>&1; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
      echo "bankflow: installing Maven from Debian's packages" >&2
      DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven >/dev/null
    else
      echo "bankflow: Maven 3.8.7+ is required (apt-get install maven)." >&2
      return 1
    fi
  fi
  # JDK 24+ warns about sun.misc.Unsafe use inside Maven's own libraries; the flag only exists from 24 on.
  if [[ "$(_java_major "$JAVA_HOME/bin/java")" -ge 24 ]]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
  fi
}
