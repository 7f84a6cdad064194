package io.containerlimits.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.Version;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line's grammar, exit codes and the environment, through {@link Main#run}. */
class ArgumentsTest {

    private static final String ROOT = Cli.fixture("v2-unlimited");

    /** Every option, both spellings: the value lands in the json field named. */
    @ParameterizedTest(name = "--{0} {1}")
    @CsvSource({
        "cpus,         3,     cpu,    override,    3.0",
        "cpus,         500m,  cpu,    override,    0.5",
        "memory,       256m,  memory, limit,       268435456",
        "memory,       1Gi,   memory, override,    1073741824",
        "rounding,     floor, cpu,    rounding,    floor",
        "min-cpus,     4,     cpu,    minCpus,     4",
        "reserve-cpus, 0.5,   cpu,    reserveCpus, 0.5",
        "cores,        physical, cpu, cores,       physical",
    })
    void everySettingOptionWorksInBothSpellings(String key, String value, String section, String field,
            String expected) {
        Cli separate = Cli.run("json", "--root", ROOT, "--" + key, value);
        Cli joined = Cli.run("json", "--root=" + ROOT, "--" + key + "=" + value);
        for (Cli cli : new Cli[] {separate, joined}) {
            assertEquals(0, cli.status(), cli::toString);
            assertEquals("", cli.err(), "nothing on stderr");
            assertEquals(expected, String.valueOf(cli.section(section).get(field)), cli::toString);
        }
    }

    @Test
    void rootOptionIsUsedInBothSpellings() {
        assertEquals(ROOT, Cli.run("json", "--root", ROOT).json().get("root"));
        assertEquals(ROOT, Cli.run("json", "--root=" + ROOT).json().get("root"));
    }

    @Test
    void roundingAndMinimumApplyToTheOverride() {
        assertEquals(1L, Cli.run("json", "--root", ROOT, "--cpus", "1.5", "--rounding", "floor").section("cpu")
                .get("count"));
        assertEquals(2L, Cli.run("json", "--root", ROOT, "--cpus", "1.5").section("cpu").get("count"), "ceil");
        assertEquals(4L, Cli.run("json", "--root", ROOT, "--cpus=1.5", "--min-cpus=4").section("cpu").get("count"));
    }

    @Test
    void environmentVariablesAreHonoured() {
        Map<String, String> env =
                Map.of("CONTAINER_LIMITS_CPUS", "3", "CONTAINER_LIMITS_OPTS", "rounding=floor,memory=1g");
        Cli cli = Cli.run(env, "json", "--root", ROOT);
        assertEquals(3L, cli.section("cpu").get("count"));
        assertEquals("floor", cli.section("cpu").get("rounding"));
        assertEquals(1073741824L, cli.section("memory").get("limit"));
    }

    @Test
    void optionsOverrideTheEnvironment() {
        Map<String, String> env = Map.of("CONTAINER_LIMITS_CPUS", "3", "CONTAINER_LIMITS_ROUNDING", "floor");
        Cli cli = Cli.run(env, "json", "--root", ROOT, "--cpus", "2.5", "--rounding=ceil");
        assertEquals(3L, cli.section("cpu").get("count"), "2.5 rounded up, not the environment's 3 floored");
        assertEquals(2.5, cli.section("cpu").get("override"));
        assertEquals("ceil", cli.section("cpu").get("rounding"));
    }

    @Test
    void aBadEnvironmentValueIsOneLineOnStderrAndNotFatal() {
        Cli cli = Cli.run(Map.of("CONTAINER_LIMITS_ROUNDING", "sideways"), "json", "--root", ROOT);
        assertEquals(0, cli.status(), cli::toString);
        assertEquals(1, cli.errLines().length, cli::toString);
        assertTrue(cli.err().startsWith("container-limits: ignoring CONTAINER_LIMITS_ROUNDING rounding=sideways"),
                cli.err());
        assertEquals("ceil", cli.section("cpu").get("rounding"));
    }

    @Test
    void aBadCoresValueInTheEnvironmentIsOneLineAndTheLogicalCountStands() {
        Cli cli = Cli.run(Map.of("CONTAINER_LIMITS_CORES", "threads"), "json", "--root",
                Cli.coreFixture("smt-two-cores-both-threads"));
        assertEquals(0, cli.status(), cli::toString);
        assertEquals("container-limits: ignoring CONTAINER_LIMITS_CORES cores=threads: expected logical or physical\n",
                cli.err());
        assertEquals("logical", cli.section("cpu").get("cores"));
        assertEquals(4L, cli.section("cpu").get("count"));
        Cli physical = Cli.run(Map.of("CONTAINER_LIMITS_CORES", "physical"), "json", "--root",
                Cli.coreFixture("smt-two-cores-both-threads"));
        assertEquals(2L, physical.section("cpu").get("count"), "the variable itself works");
    }

    @Test
    void theRootMayComeFromTheEnvironment() {
        assertEquals(ROOT, Cli.run(Map.of("CONTAINER_LIMITS_ROOT", ROOT), "json").json().get("root"));
    }

    @Test
    void aMissingRootFromTheEnvironmentIsNamedAsSuch() {
        Cli cli = Cli.run(Map.of("CONTAINER_LIMITS_ROOT", "/no/such/dir"), "json");
        assertEquals(2, cli.status(), cli::toString);
        assertEquals("container-limits: root (from the environment) /no/such/dir: no such directory\n", cli.err(),
                "no --root was given, so the message must not name it");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown subcommand   | status                        | unknown subcommand \"status\"",
        "unknown option       | json --colour                 | unknown option --colour",
        "missing value at end | json --cpus                   | missing value for --cpus",
        "missing value before | json --cpus --verbose         | missing value for --cpus",
        "bad cpus             | json --cpus two               | --cpus: bad value \"two\"",
        "bad memory           | json --memory=12q             | --memory: bad value \"12q\"",
        "bad rounding         | report --rounding sideways    | --rounding: bad value \"sideways\"",
        "bad min-cpus         | json --min-cpus 0             | --min-cpus: bad value \"0\"",
        "bad reserve-cpus     | json --reserve-cpus -1        | --reserve-cpus: bad value \"-1\"",
        "bad cores            | json --cores threads          | --cores: bad value \"threads\" for cores: expected",
        "flags-only option    | report --thread-count 10      | --thread-count is an option of flags only",
        "value on a switch    | report --verbose=yes          | --verbose takes no value",
        "stray word           | json extra                    | unexpected argument \"extra\"",
        "missing root         | json --root /no/such/dir      | --root /no/such/dir: no such directory",
        "bad head-room        | flags --head-room 100         | --head-room: bad value \"100\": "
                + "expected a whole percentage",
        "bad thread-count     | flags --thread-count many     | --thread-count: bad value \"many\"",
    })
    void aBadCommandLineIsOneLineOnStderrAndStatusTwo(String name, String args, String message) {
        Cli cli = Cli.run(args.split(" "));
        assertEquals(2, cli.status(), cli::toString);
        assertEquals("", cli.out(), "nothing on stdout");
        assertEquals(1, cli.errLines().length, cli::toString);
        assertTrue(cli.err().startsWith("container-limits: "), cli.err());
        assertTrue(cli.err().contains(message), () -> "expected \"" + message + "\" in " + cli.err());
    }

    @Test
    void helpPrintsUsageOnStdout() {
        for (String[] args : new String[][] {{"--help"}, {"json", "--help"}, {"flags", "-h"}}) {
            Cli cli = Cli.run(args);
            assertEquals(0, cli.status(), cli::toString);
            assertTrue(cli.out().startsWith("Usage: java -jar container-limits.jar"), cli.out());
            assertTrue(cli.out().contains("--loaded-class-count"), "flags options are documented");
            assertTrue(cli.out().contains("Exit status"), "exit codes are documented");
            assertEquals("", cli.err());
        }
    }

    @Test
    void versionPrintsTheVersion() {
        Cli cli = Cli.run("--version");
        assertEquals(0, cli.status());
        assertEquals("container-limits " + Version.get() + "\n", cli.out());
        assertTrue(!Version.get().equals("unknown"), "the build's version resource is on the class path");
    }

    @Test
    void noSubcommandIsReport() {
        Cli bare = Cli.run("--root", ROOT);
        assertEquals(0, bare.status(), bare::toString);
        assertTrue(bare.out().startsWith("container-limits "), bare.out());
        assertEquals(Cli.run("report", "--root", ROOT).out().lines().count(), bare.out().lines().count());
    }
}
