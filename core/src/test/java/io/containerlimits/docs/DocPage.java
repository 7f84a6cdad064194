package io.containerlimits.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbered parts of one page under {@code docs/}, as citations name them: sections ({@code ## 3. Detection},
 * {@code ### 1.6 Traps}), the numbered list items of a section ({@code 4. Map the cgroup path ...}, cited as
 * "step 4"), and cases ({@code ## Case 12: ...}).
 */
final class DocPage {

    private static final Pattern SECTION = Pattern.compile("^#{2,4} (\\d+(?:\\.\\d+)?)[. ]");
    private static final Pattern CASE = Pattern.compile("^#{2,4} Case (\\d+)[:. ]");
    private static final Pattern STEP = Pattern.compile("^(\\d+)\\. ");

    private final String name;
    private final Set<String> sections = new TreeSet<>();
    private final Map<String, Set<Integer>> stepsBySection = new HashMap<>();
    private final Set<Integer> cases = new TreeSet<>();

    private DocPage(String name) {
        this.name = name;
    }

    /** Reads {@code docs/<name>}; a missing page has no parts, so every citation of a part of it fails. */
    static DocPage read(Path docs, String name) throws IOException {
        DocPage page = new DocPage(name);
        Path file = docs.resolve(name);
        if (Files.isRegularFile(file)) {
            page.parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        }
        return page;
    }

    /** A page made from text, for the checker's own tests. */
    static DocPage of(String name, String text) {
        DocPage page = new DocPage(name);
        page.parse(text);
        return page;
    }

    private void parse(String text) {
        String section = null;
        boolean inCode = false;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                continue;
            }
            Matcher caseHeading = CASE.matcher(line);
            Matcher sectionHeading = SECTION.matcher(line);
            Matcher step = STEP.matcher(line);
            if (caseHeading.find()) {
                cases.add(Integer.valueOf(caseHeading.group(1)));
            } else if (sectionHeading.find()) {
                String number = sectionHeading.group(1);
                sections.add(number);
                if (line.startsWith("## ")) {
                    section = number;
                }
            } else if (line.startsWith("## ")) {
                section = null;
            } else if (step.find() && section != null) {
                stepsBySection.computeIfAbsent(section, s -> new TreeSet<>()).add(Integer.valueOf(step.group(1)));
            }
        }
    }

    String name() {
        return name;
    }

    boolean hasSection(String number) {
        return sections.contains(number);
    }

    boolean hasStep(String section, int step) {
        return stepsBySection.getOrDefault(section, Set.of()).contains(step);
    }

    boolean hasCase(int number) {
        return cases.contains(number);
    }

    Set<String> sections() {
        return sections;
    }

    Set<Integer> steps(String section) {
        return stepsBySection.getOrDefault(section, Set.of());
    }

    Set<Integer> cases() {
        return cases;
    }
}
