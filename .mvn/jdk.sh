# Finds a JDK 21 or newer for the launcher (./parley) and the Maven wrapper (./mvnw), so both work
# on a machine whose JAVA_HOME or default `java` is older. POSIX sh, sourced by both.
#
# Looks at JAVA_HOME, then every JDK under /usr/lib/jvm (the newest wins), then the `java` and
# `javac` on the PATH; a JDK must have javac.

# Major version of a java executable (8 for "1.8.0_x", 21 for "21.0.2"); empty if it does not run.
parley_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1 \
    | sed 's/^1\.//; s/\..*//'
}

# Prints the home of the best JDK 21 or newer, or returns 1.
parley_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    _m="$(parley_java_major "$JAVA_HOME/bin/java")"
    if [ -n "$_m" ] && [ "$_m" -ge 21 ] 2>/dev/null; then
      echo "$JAVA_HOME"
      return 0
    fi
  fi
  _best="" _best_major=0
  _globbing_was_off=0
  case "$-" in *f*) _globbing_was_off=1; set +f ;; esac
  for _dir in /usr/lib/jvm/*/; do
    _dir="${_dir%/}"
    [ -x "$_dir/bin/javac" ] && [ -x "$_dir/bin/java" ] || continue
    _m="$(parley_java_major "$_dir/bin/java")"
    if [ -n "$_m" ] && [ "$_m" -ge 21 ] 2>/dev/null && [ "$_m" -gt "$_best_major" ]; then
      _best="$_dir" _best_major="$_m"
    fi
  done
  [ "$_globbing_was_off" = 1 ] && set -f
  if [ -n "$_best" ]; then
    echo "$_best"
    return 0
  fi
  if command -v javac >/dev/null 2>&1 && command -v java >/dev/null 2>&1; then
    _m="$(parley_java_major "$(command -v java)")"
    if [ -n "$_m" ] && [ "$_m" -ge 21 ] 2>/dev/null; then
      _javac="$(readlink -f "$(command -v javac)")"
      dirname "$(dirname "$_javac")"
      return 0
    fi
  fi
  return 1
}
