# Finds a JDK 21 or newer and exports JAVA_HOME and PATH for it. Sourced by the other scripts.
java_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1; }

postguard_find_java() {
  local candidate best="" best_major=0 major
  for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home 2>/dev/null) \
                   "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate")
    [ -n "$major" ] || continue
    if [ "$candidate" = "${JAVA_HOME:-}" ] && [ "$major" -ge 21 ]; then best=$candidate; best_major=$major; break; fi
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=$candidate; best_major=$major; fi
  done
  if [ -z "$best" ]; then
    echo "PostGuard needs a Java Development Kit, version 21 or newer, and none was found." >&2
    echo "Install one, for example:  sudo apt-get install openjdk-21-jdk   (Debian/Ubuntu)" >&2
    echo "                      or:  brew install openjdk@21                (macOS)" >&2
    echo "or set JAVA_HOME to a JDK 21+ folder." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}

postguard_need() {
  command -v "$1" >/dev/null 2>&1 || { echo "PostGuard needs '$1': $2" >&2; return 1; }
}

# Compiles the backend's test sources and prints their classpath (classes, test classes, dependencies).
postguard_test_classpath() {
  mvn -q -B -ntp -Dstyle.color=never -pl backend -am test-compile -DskipTests >&2
  local cpfile cp
  cpfile=$(mktemp)
  mvn -q -B -ntp -Dstyle.color=never -pl backend dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile" >/dev/null
  cp=$(cat "$cpfile"); rm -f "$cpfile"
  echo "backend/target/test-classes:backend/target/classes:$cp"
}
