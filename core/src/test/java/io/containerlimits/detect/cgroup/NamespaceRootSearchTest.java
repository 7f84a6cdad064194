package io.containerlimits.detect.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.detect.HostFiles;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The search for this process's group when its cgroup namespace root is below the mount's root
 * (docs/edge-cases.md, "A private cgroup namespace without a fresh mount"), on the fixture trees named after each
 * case; {@code DetectorTest} runs the same trees through the whole detection.
 */
class NamespaceRootSearchTest {

    private final List<String> notes = new ArrayList<String>();

    private static HostFiles fixture(String name) throws URISyntaxException {
        return new HostFiles(Paths.get(NamespaceRootSearchTest.class.getResource("/fixtures/" + name + "/root")
                .toURI()));
    }

    private static MountInfoEntry cgroup2(String root) {
        return MountInfoEntry.parse("1180 1170 0:30 " + root + " /sys/fs/cgroup rw - cgroup2 cgroup2 rw");
    }

    @Test
    void onlyARootOfUpComponentsIsBelowTheNamespaceRoot() {
        assertEquals(1, NamespaceRootSearch.levelsBelow("/.."));
        assertEquals(3, NamespaceRootSearch.levelsBelow("/../../.."));
        assertEquals(0, NamespaceRootSearch.levelsBelow("/"));
        assertEquals(0, NamespaceRootSearch.levelsBelow("/../docker"));
        assertEquals(0, NamespaceRootSearch.levelsBelow("/..."));
        assertEquals(0, NamespaceRootSearch.levelsBelow("/.../"));
        assertEquals(0, NamespaceRootSearch.levelsBelow("/docker/.."));
    }

    @Test
    void aPidListedOnlyOnItsOwnLine() {
        assertTrue(NamespaceRootSearch.lists("4242\n", "4242"));
        assertTrue(NamespaceRootSearch.lists("14242\n42420\n4242", "4242"));
        assertFalse(NamespaceRootSearch.lists("14242\n42420\n", "4242"));
        assertFalse(NamespaceRootSearch.lists("", "4242"));
    }

    @Test
    void v2UnshareDepth1() throws Exception {
        String leaf = new NamespaceRootSearch().leaf(cgroup2("/.."), "/", fixture("v2-unshare-depth-1"), notes);
        assertEquals("/sys/fs/cgroup/container-limits-test-a", leaf, notes.toString());
        assertTrue(notes.get(0).contains("pid 4242 is in /sys/fs/cgroup/container-limits-test-a/cgroup.procs"
                + " (4 candidates, 4 directories)"), notes.toString());
    }

    @Test
    void v2UnshareDepth2() throws Exception {
        String leaf = new NamespaceRootSearch().leaf(cgroup2("/../.."), "/worker", fixture("v2-unshare-depth-2"),
                notes);
        // candidates at depth 2: other/worker, pods/pod-a, pods/pod-b; other/worker/worker does not exist
        assertEquals("/sys/fs/cgroup/pods/pod-b/worker", leaf, notes.toString());
        assertTrue(notes.get(0).contains("2 levels below the mount root /../.."), notes.toString());
    }

    @Test
    void v2UnshareNotFound() throws Exception {
        assertNull(new NamespaceRootSearch().leaf(cgroup2("/.."), "/", fixture("v2-unshare-not-found"), notes));
        assertTrue(notes.get(0).endsWith("pid 4242 in none of the 2 candidates' cgroup.procs"), notes.toString());
    }

    @Test
    void v2UnshareBoundExceeded() throws Exception {
        HostFiles files = fixture("v2-unshare-bound-exceeded");
        assertNull(new NamespaceRootSearch(4).leaf(cgroup2("/.."), "/", files, notes));
        assertTrue(notes.get(0).endsWith("more than 4 directories down to that depth, not searched"),
                notes.toString());
        // The same tree with one directory more allowed: six candidates, the last one is it.
        assertEquals("/sys/fs/cgroup/group-6", new NamespaceRootSearch(6).leaf(cgroup2("/.."), "/", files, notes));
    }

    @Test
    void v1UnshareDepth1() throws Exception {
        MountInfoEntry memory = MountInfoEntry.parse(
                "36 30 0:32 /.. /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory");
        assertEquals("/sys/fs/cgroup/memory/batch-7",
                new NamespaceRootSearch().leaf(memory, "/", fixture("v1-unshare-depth-1"), notes));
    }

    @Test
    void theControllersOfOneHierarchyShareOneSearch() throws Exception {
        NamespaceRootSearch search = new NamespaceRootSearch();
        HostFiles files = fixture("v2-unshare-depth-1");
        String cpu = search.leaf(cgroup2("/.."), "/", files, notes);
        String memory = search.leaf(cgroup2("/.."), "/", files, notes);
        assertEquals(cpu, memory);
        assertTrue(notes.get(1).endsWith("(the search already done)"), notes.toString());
    }

    @Test
    void withoutItsOwnPidItDoesNotSearch() throws Exception {
        Path empty = Paths.get(NamespaceRootSearchTest.class.getResource("/fixtures/v2-unshare-depth-1").toURI());
        assertNull(new NamespaceRootSearch().leaf(cgroup2("/.."), "/", new HostFiles(empty), notes));
        assertTrue(notes.get(0).contains("own pid unknown"), notes.toString());
    }
}
