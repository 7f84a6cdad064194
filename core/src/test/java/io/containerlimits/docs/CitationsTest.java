package io.containerlimits.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every document the repository cites is in the repository: each citation of {@code docs/design.md},
 * {@code docs/edge-cases.md} or {@code docs/agent-notes.md} names a section, step or case that exists, and nothing
 * cites the project's working notes outside it. Scans every text file of the repository except build output.
 */
class CitationsTest {

    /** This file holds deliberately broken citations (the negative controls below), so the scan leaves it out. */
    private static final String SELF = "core/src/test/java/io/containerlimits/docs/CitationsTest.java";

    private static final long LARGEST_TEXT_FILE = 1 << 20;

    /** A path in the repository, as a page under {@code docs/} names it in backquotes. */
    private static final Pattern REPOSITORY_PATH =
            Pattern.compile("`((?:core|agent|integration-tests|bench|bin|docs)/[^`\\s*]*)`");

    /** A relative Markdown link. */
    private static final Pattern LINK = Pattern.compile("\\]\\(((?!https?:|#)[^)#\\s]+)(?:#[^)]*)?\\)");

    private static Path root;
    private static Map<String, DocPage> pages;

    @BeforeAll
    static void readDocs() throws IOException {
        root = Paths.get("..").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(root.resolve("core/pom.xml")), root + " should be the repository root");
        pages = new TreeMap<>();
        try (Stream<Path> files = Files.list(root.resolve("docs"))) {
            for (Path page : files.filter(f -> f.toString().endsWith(".md")).collect(Collectors.toList())) {
                String name = page.getFileName().toString();
                pages.put(name, DocPage.read(root.resolve("docs"), name));
            }
        }
    }

    @Test
    void everyCitationInTheRepositoryPointsAtSomethingInIt() throws IOException {
        CitationChecker checker = new CitationChecker(pages);
        List<String> problems = new ArrayList<>();
        int files = 0;
        for (Path file : textFiles()) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            String text = read(file);
            if (relative.equals(SELF) || text == null) {
                continue;
            }
            files++;
            String ownPage = relative.startsWith("docs/") ? file.getFileName().toString() : null;
            problems.addAll(checker.problems(relative, text, ownPage));
        }
        assertTrue(files > 100, "scanned only " + files + " files under " + root);
        assertTrue(problems.isEmpty(), problems.size() + " broken citations:\n" + String.join("\n", problems));
    }

    @Test
    void thePagesKeepTheNumbersTheCodeCites() {
        DocPage design = pages.get("design.md");
        assertEquals(sections(1, 7), design.sections(), "docs/design.md sections");
        assertEquals(numbers(1, 9), design.steps("3"), "docs/design.md §3 steps");
        assertEquals(numbers(1, 33), pages.get("edge-cases.md").cases(), "docs/edge-cases.md cases");
        assertTrue(pages.get("agent-notes.md").sections().containsAll(sections(0, 5)),
                "docs/agent-notes.md should keep §0 to §5, has " + pages.get("agent-notes.md").sections());
    }

    @Test
    void everyFixtureTreeIsInTheEdgeCaseCatalogue() throws IOException {
        String catalogue = read(root.resolve("docs/edge-cases.md"));
        List<String> missing;
        try (Stream<Path> dirs = Files.list(root.resolve("core/src/test/resources/fixtures"))) {
            missing = dirs.filter(Files::isDirectory).map(d -> "core/src/test/resources/fixtures/" + d.getFileName())
                    .filter(d -> !catalogue.contains("`" + d + "`")).sorted().collect(Collectors.toList());
        }
        assertTrue(missing.isEmpty(), "docs/edge-cases.md should name these fixture trees: " + missing);
    }

    @Test
    void everyPathAndLinkInTheDocsExists() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String name : pages.keySet()) {
            String text = read(root.resolve("docs").resolve(name));
            Matcher path = REPOSITORY_PATH.matcher(text);
            while (path.find()) {
                String cited = path.group(1);
                if (!cited.contains("/target/") && !Files.exists(root.resolve(cited))) {
                    problems.add("docs/" + name + " names " + cited + ", which does not exist");
                }
            }
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                if (!Files.exists(root.resolve("docs").resolve(link.group(1)))) {
                    problems.add("docs/" + name + " links to " + link.group(1) + ", which does not exist");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    // Negative controls: the checker must report each kind of broken citation.

    private static final DocPage DECISIONS_PAGE = DocPage.of("design.md",
            "# t\n\n## 1. One\n\n## 3. Three\n\n1. first\n2. second\n\n## 4. Four\n");
    private static final DocPage CASES_PAGE = DocPage.of("edge-cases.md", "# t\n\n## Case 1: a\n\n## Case 2: b\n");
    private static final CitationChecker CONTROL =
            new CitationChecker(Map.of("design.md", DECISIONS_PAGE, "edge-cases.md", CASES_PAGE));

    @ParameterizedTest
    @ValueSource(strings = {
        "(docs/design.md §3 step 2)", "docs/design.md §1, §3 and §4", "docs/design.md §3–§4",
        "docs/edge-cases.md cases 1-2", "docs/edge-cases.md cases 1 and 2", "docs/design.md",
        "(`docs/design.md §N`, for the readers)", "docs/design.md §3\n     * step 2", "docs/design.md §3 to §4"})
    void aCitationOfWhatExistsPasses(String text) {
        assertEquals(List.of(), CONTROL.problems("X.java", text, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "docs/design.md §2", "docs/design.md §3 step 3", "docs/design.md §1–§3", "docs/design.md §1 step 1",
        "docs/edge-cases.md case 3", "docs/edge-cases.md cases 1-3", "docs/edge-cases.md cases 1 and 9",
        "docs/missing.md", "docs/design.md §1, §5", "docs/design.md §3\n * step 3", "docs/edge-cases.md\n// case 3",
        "DESIGN §3", "see DESIGN.md", "survey §b case 1", "Survey case 5", "(survey 7)", "jvm-agent-notes §1.6",
        "STYLE §6 point 11", "/work/shared/TESTCONTAINERS.md", "../shared/reference/x.md", "reference/x.md",
        "shared/tools/fetch-jdks.sh"})
    void aBrokenOrOutsideCitationIsReported(String text) {
        List<String> problems = CONTROL.problems("X.java", "line one\n" + text, null);
        assertFalse(problems.isEmpty(), text + " should be reported");
        for (String problem : problems) {
            assertTrue(problem.startsWith("X.java:2: "), problem);
        }
    }

    @Test
    void insideADocsPageABareSectionCitesThatPage() {
        assertEquals(List.of(), CONTROL.problems("docs/design.md", "as §3 step 1 says (§4)", "design.md"));
        assertEquals(1, CONTROL.problems("docs/design.md", "as §3 step 9 says", "design.md").size());
        assertEquals(1, CONTROL.problems("docs/design.md", "[cases](edge-cases.md) case 5", "design.md").size());
    }

    /** Every file under the root that is not build output or Git's. */
    private static List<Path> textFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName().toString();
                return name.equals(".git") || name.equals("target") ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }

    /** The file as UTF-8 text; {@code null} for a binary or oversized file. */
    private static String read(Path file) throws IOException {
        if (Files.size(file) > LARGEST_TEXT_FILE) {
            return null;
        }
        byte[] bytes = Files.readAllBytes(file);
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static Set<String> sections(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(String::valueOf).collect(Collectors.toSet());
    }

    private static Set<Integer> numbers(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().collect(Collectors.toSet());
    }
}
