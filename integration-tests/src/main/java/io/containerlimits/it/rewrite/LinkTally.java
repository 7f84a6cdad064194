package io.containerlimits.it.rewrite;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/** What happened to each class, counted overall and per jar. Single-threaded, like the harness. */
final class LinkTally {

    /** The counters of one jar. */
    private static final class PerJar {
        int classes;
        int rewrittenClasses;
        int callSites;
        int methodHandles;
        int linked;
        int rewrittenLinked;
        int errors;
        int missingOptional;
    }

    private final Map<String, PerJar> jars = new LinkedHashMap<>();
    private final Map<String, Integer> missingByPackage = new TreeMap<>();
    private final Map<String, Class<?>> errors = new LinkedHashMap<>();
    private int missingOptionalRewritten;

    LinkTally(Iterable<String> jarLabels) {
        jarLabels.forEach(label -> jars.put(label, new PerJar()));
    }

    void offered(JarClasses.ClassFile file) {
        PerJar jar = jars.get(file.jar());
        jar.classes++;
        if (file.rewritten().isPresent()) {
            jar.rewrittenClasses++;
            jar.callSites += file.callSites();
            jar.methodHandles += file.methodHandles();
        }
    }

    void linked(JarClasses.ClassFile file) {
        PerJar jar = jars.get(file.jar());
        jar.linked++;
        if (file.rewritten().isPresent()) {
            jar.rewrittenLinked++;
        }
    }

    /** A class that failed only because {@code missingClass}, outside the jars, is absent. */
    void missingOptional(JarClasses.ClassFile file, String missingClass) {
        jars.get(file.jar()).missingOptional++;
        missingByPackage.merge(LinkFailure.packageOf(missingClass), 1, Integer::sum);
        if (file.rewritten().isPresent()) {
            missingOptionalRewritten++;
        }
    }

    void error(JarClasses.ClassFile file, Throwable thrown) {
        jars.get(file.jar()).errors++;
        errors.put(file.name(), thrown.getClass());
    }

    /** The classes counted as errors, in the order they failed, with the type of what was thrown. */
    Map<String, Class<?>> errors() {
        return Collections.unmodifiableMap(errors);
    }

    private int total(ToIntFunction<PerJar> counter) {
        return jars.values().stream().mapToInt(counter).sum();
    }

    /** The counts for the summary line, overall then per jar. */
    Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("classes", total(j -> j.classes));
        fields.put("rewrittenClasses", total(j -> j.rewrittenClasses));
        fields.put("callSites", total(j -> j.callSites));
        fields.put("methodHandles", total(j -> j.methodHandles));
        fields.put("linked", total(j -> j.linked));
        fields.put("rewrittenLinked", total(j -> j.rewrittenLinked));
        fields.put("linkErrors", total(j -> j.errors));
        fields.put("missingOptional", total(j -> j.missingOptional));
        fields.put("missingOptionalRewritten", missingOptionalRewritten);
        fields.put("missingByPackage", missingByPackage.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(",")));
        fields.put("callSitesByJar", perJar(j -> j.callSites));
        fields.put("classesByJar", perJar(j -> j.classes));
        fields.put("linkedByJar", perJar(j -> j.linked));
        return fields;
    }

    private String perJar(ToIntFunction<PerJar> counter) {
        return jars.entrySet().stream().map(e -> e.getKey() + ":" + counter.applyAsInt(e.getValue()))
                .collect(Collectors.joining(","));
    }
}
