# Shared preparation of the start-up benchmark, sourced by run.sh and profile.sh (not run on its own).
#
# Sets: here, root, work, jdk17, jdk21, jdk25, guava_version, cl_jar. Defines:
#   fetch ARTIFACT FILE   copies a Maven artifact into $work/lib (offline first)
#   prepare_many          Guava + failureaccess, their class list, Hello and Many in work/apps.jar, the no-op agent;
#                         sets guava_jar, failureaccess (its version) and many_cp (Many's libraries)
#   prepare_agent_jar     builds the container-limits jar with Maven if it is missing (unless CL_JAR is set;
#                         CL_REBUILD=1 rebuilds it) and checks $cl_jar exists
#
# Environment: JDK17, JDK21, JDK25 (JDK homes; 21 defaults to where bin/test stages it), GUAVA_VERSION, CL_JAR,
# CL_REBUILD.

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$here/work"
jdk17="${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}"
jdk21="${JDK21:-${CONTAINER_LIMITS_JDKS:-/var/cache/container-limits/jdks}/jdk21/usr/lib/jvm/java-21-openjdk-amd64}"
jdk25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
guava_version="${GUAVA_VERSION:-33.4.8-jre}"
cl_jar="${CL_JAR:-$root/agent/target/container-limits.jar}"

# Exits unless every JDK home given has a java launcher.
require_jdks() {
    local jdk
    for jdk in "$@"; do
        [ -x "$jdk/bin/java" ] || { echo "no JDK at $jdk (set JDK17 / JDK21 / JDK25)" >&2; exit 2; }
    done
}

# Fetch through Maven from the project root (its pinned dependency plugin), offline first so that a warm ~/.m2 needs
# no network.
fetch() {
    local artifact="$1" file="$2"
    [ -f "$work/lib/$file" ] && return 0
    (cd "$root" && { mvn -o -q -B -N dependency:copy -Dartifact="$artifact" -DoutputDirectory="$work/lib" >/dev/null 2>&1 \
        || mvn -q -B -N dependency:copy -Dartifact="$artifact" -DoutputDirectory="$work/lib"; })
}

prepare_many() {
    mkdir -p "$work/lib" "$work/classes" "$work/noop"
    # failureaccess is Guava's one runtime dependency: without it the classes that extend AbstractFuture fail to load.
    fetch "com.google.guava:guava:$guava_version" "guava-$guava_version.jar"
    guava_jar="$work/lib/guava-$guava_version.jar"
    failureaccess="$(unzip -p "$guava_jar" "META-INF/maven/com.google.guava/guava/pom.xml" \
        | tr -d ' \n' | grep -o '<artifactId>failureaccess</artifactId><version>[^<]*' | sed 's/.*<version>//')"
    fetch "com.google.guava:failureaccess:$failureaccess" "failureaccess-$failureaccess.jar"
    many_cp="$guava_jar:$work/lib/failureaccess-$failureaccess.jar"

    # Every class of Guava, by name (module-info and multi-release copies are not loadable by name).
    unzip -Z1 "$guava_jar" | grep '\.class$' | grep -v -e '^META-INF/' -e 'module-info' \
        | sed 's/\.class$//; s#/#.#g' > "$work/guava-classes.txt"

    "$jdk17/bin/javac" --release 17 -d "$work/classes" "$here/src/Hello.java" "$here/src/Many.java"
    # A jar, not a directory: the AOT cache refuses a class path with a non-empty directory in it.
    "$jdk17/bin/jar" --create --file "$work/apps.jar" -C "$work/classes" .
    "$jdk17/bin/javac" --release 17 -d "$work/noop" "$here/src/NoopAgent.java"
    printf 'Premain-Class: NoopAgent\n' > "$work/noop-manifest.txt"
    "$jdk17/bin/jar" --create --file "$work/noop-agent.jar" --manifest "$work/noop-manifest.txt" -C "$work/noop" .
}

prepare_agent_jar() {
    if [ -z "${CL_JAR:-}" ] && { [ ! -f "$cl_jar" ] || [ -n "${CL_REBUILD:-}" ]; }; then
        (cd "$root" && { mvn -o -q -B -DskipTests package || mvn -q -B -DskipTests package; })
    fi
    [ -f "$cl_jar" ] || { echo "no agent jar at $cl_jar" >&2; exit 2; }
}

# An absolute path for a file that exists.
absolute() {
    echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
}
