package io.containerlimits.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the citations in one file's text against the pages under {@code docs/}: a citation names a page and,
 * optionally, its parts, as {@code docs/design.md §3 step 4}, {@code docs/design.md §4–§6},
 * {@code docs/edge-cases.md cases 9 and 27} or {@code docs/agent-notes.md §0.5, §0.8, §2}. Inside a page under
 * {@code docs/}, a link such as {@code [design.md](design.md) §5} cites that page and a bare {@code §N} cites the page
 * itself. Anything that cites a document the repository does not have is reported too.
 */
final class CitationChecker {

    /** A page named with its directory, anywhere; or, inside {@code docs/}, as a link or a plain file name. */
    private static final Pattern PAGE = Pattern.compile(
            "docs/([A-Za-z-]+\\.md)|\\[[^\\]\\n]*\\]\\(([A-Za-z-]+\\.md)(?:#[^)]*)?\\)"
                    + "|(?<![\\w/.-])([A-Za-z-]+\\.md)\\b");

    /** Blanks between words, also across a line break inside a comment ({@code *}, {@code //} or {@code #}). */
    private static final String GAP = "(?:[ \\t]*\\n[ \\t]*(?:\\*(?!/)|//|#)?[ \\t]*|[ \\t]+)";

    /** One part after a page name (or after a previous part), with what may separate them. */
    private static final Pattern PART = Pattern.compile(
            "\\G(?:,?" + GAP + "(?:(?:and|or|to)" + GAP + ")?|–|-)?"
                    + "(?:§(\\d+(?:\\.\\d+)?)|(steps?|cases?)" + GAP
                    + "(\\d+(?:(?:-|–|," + GAP + "|" + GAP + "(?:and|to)" + GAP + ")\\d+)*))");

    /** A section sign not consumed by a citation: inside a page under {@code docs/}, a part of that page. */
    private static final Pattern BARE_SECTION = Pattern.compile("§\\d");

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern RANGE = Pattern.compile("(\\d+)(?:-|–|\\s+to\\s+)(\\d+)");

    /**
     * Names of documents that live outside the repository (the project's working notes), written so that this file
     * does not match them itself.
     */
    private static final Pattern OUTSIDE = Pattern.compile(
            "\\bDESIG[N]\\b|(?i:\\b[s]urvey\\b)|jvm-agent-note[s]|test-machine[s]\\.md|TESTCONTAINER[S]\\.md"
                    + "|STYL[E](?:\\.md| §)|/work/[s]hared|\\.\\./[s]hared/|\\b[s]hared/(?:reference|tools)\\b"
                    + "|\\breferenc[e]/[\\w-]+\\.md");

    private final Map<String, DocPage> pages;

    CitationChecker(Map<String, DocPage> pages) {
        this.pages = pages;
    }

    /**
     * The problems in one file, each as {@code file:line: what}. {@code ownPage} names the page under {@code docs/}
     * that {@code text} is, where links and bare section signs count as citations; {@code null} for any other file.
     */
    List<String> problems(String file, String text, String ownPage) {
        List<String> problems = new ArrayList<>();
        Matcher outside = OUTSIDE.matcher(text);
        while (outside.find()) {
            problems.add(at(file, text, outside.start()) + "cites \"" + outside.group()
                    + "\", a document outside the repository: cite docs/design.md, docs/edge-cases.md or "
                    + "docs/agent-notes.md instead");
        }
        boolean[] consumed = new boolean[text.length()];
        Matcher page = PAGE.matcher(text);
        while (page.find()) {
            String name = page.group(1) != null ? page.group(1) : page.group(2) != null ? page.group(2) : page.group(3);
            boolean qualified = page.group(1) != null;
            if (!qualified && ownPage == null) {
                continue; // a plain "x.md" outside docs/ is not a citation of a docs page
            }
            DocPage target = pages.get(name);
            if (target == null) {
                if (qualified) {
                    problems.add(at(file, text, page.start()) + "cites docs/" + name + ", which does not exist");
                }
                continue;
            }
            int end = checkParts(file, text, page.end(), target, problems);
            for (int i = page.start(); i < end; i++) {
                consumed[i] = true;
            }
        }
        if (ownPage != null) {
            Matcher bare = BARE_SECTION.matcher(text);
            while (bare.find()) {
                if (!consumed[bare.start()]) {
                    int end = checkParts(file, text, bare.start(), pages.get(ownPage), problems);
                    for (int i = bare.start(); i < end; i++) {
                        consumed[i] = true;
                    }
                }
            }
        }
        return problems;
    }

    /** Checks the parts that follow a page name at {@code from}; returns where they end. */
    private int checkParts(String file, String text, int from, DocPage target, List<String> problems) {
        Matcher part = PART.matcher(text);
        String section = null;
        int end = from;
        part.region(from, text.length());
        while (part.find()) {
            end = part.end();
            Where where = new Where(file, text, part.start());
            if (part.group(1) != null) {
                String previous = section;
                section = part.group(1);
                boolean range = part.group().startsWith("–") || part.group().startsWith("-")
                        || part.group().matches("(?s).*\\bto\\s.*");
                if (range && previous != null && isInteger(previous) && isInteger(section)) {
                    for (int n = Integer.parseInt(previous) + 1; n <= Integer.parseInt(section); n++) {
                        requireSection(where, target, String.valueOf(n), problems);
                    }
                } else {
                    requireSection(where, target, section, problems);
                }
            } else {
                for (int n : numbers(part.group(3))) {
                    if (part.group(2).startsWith("step")) {
                        if (section == null) {
                            problems.add(where + "cites step " + n + " of docs/" + target.name()
                                    + " without a section");
                        } else if (!target.hasStep(section, n)) {
                            problems.add(where + "cites docs/" + target.name() + " §" + section + " step " + n
                                    + ", which does not exist");
                        }
                    } else if (!target.hasCase(n)) {
                        problems.add(where + "cites docs/" + target.name() + " case " + n + ", which does not exist");
                    }
                }
            }
            part.region(end, text.length());
        }
        return end;
    }

    private static void requireSection(Where where, DocPage target, String number, List<String> problems) {
        if (!target.hasSection(number)) {
            problems.add(where + "cites docs/" + target.name() + " §" + number + ", which does not exist");
        }
    }

    /** {@code 1-3 and 28} gives 1, 2, 3, 28. */
    private static List<Integer> numbers(String list) {
        List<Integer> numbers = new ArrayList<>();
        Matcher range = RANGE.matcher(list);
        while (range.find()) {
            for (int n = Integer.parseInt(range.group(1)); n <= Integer.parseInt(range.group(2)); n++) {
                numbers.add(n);
            }
        }
        Matcher number = NUMBER.matcher(RANGE.matcher(list).replaceAll(""));
        while (number.find()) {
            numbers.add(Integer.valueOf(number.group()));
        }
        return numbers;
    }

    private static boolean isInteger(String section) {
        return section.indexOf('.') < 0;
    }

    /** Where a part is, turned into {@code file:line: } only when a problem is reported. */
    private static final class Where {
        private final String file;
        private final String text;
        private final int offset;

        Where(String file, String text, int offset) {
            this.file = file;
            this.text = text;
            this.offset = offset;
        }

        @Override
        public String toString() {
            return at(file, text, offset);
        }
    }

    private static String at(String file, String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return file + ":" + line + ": ";
    }
}
