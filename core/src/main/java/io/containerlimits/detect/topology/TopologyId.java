package io.containerlimits.detect.topology;

import io.containerlimits.detect.MalformedInputException;
import io.containerlimits.detect.Numbers;

/**
 * {@code core_id} and {@code physical_package_id} of {@code /sys/devices/system/cpu/cpuN/topology/}: one decimal
 * number on a line, printed by the kernel as an {@code int}. {@code -1} is what some architectures write for "not
 * known" (a package id on arm64 without firmware tables); it is a value like any other here, since only equality
 * matters.
 */
public final class TopologyId {

    private TopologyId() {
        throw new UnsupportedOperationException();
    }

    /**
     * The id in {@code content}.
     *
     * @param name the file's name, for the message
     * @throws MalformedInputException unless the content (surrounding white space ignored) is an integer from -1 to
     *                                 {@link Integer#MAX_VALUE}
     */
    public static int parse(String content, String name) {
        MalformedInputException.requireText(content, name);
        long id = Numbers.parseLong(content.trim(), name);
        if (id < -1 || id > Integer.MAX_VALUE) {
            throw new MalformedInputException(name + ": out of range", content);
        }
        return (int) id;
    }
}
