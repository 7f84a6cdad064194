package io.containerlimits.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-worked cases; the arithmetic is in the comments, bytes unless a unit is given. */
class MemoryCalculatorTest {

    private static final long MIB = Sizes.MIB;
    private static final long GIB = Sizes.GIB;

    private static MemoryLayout calculate(long limit, String userOptions) throws CannotFitException {
        return MemoryCalculator.defaults().calculate(limit, user(userOptions));
    }

    private static UserMemoryOptions user(String options) {
        // Space-separated options without quotes: tokenizing the launcher's syntax is not the calculator's job.
        return UserMemoryOptions.parse(options.isBlank() ? List.of() : List.of(options.trim().split(" +")),
                "JAVA_TOOL_OPTIONS");
    }

    @Test
    void aQuarterGibibyteGetsScaledDefaultsAndA94MibHeap() throws CannotFitException {
        // limit 256 MiB = 268,435,456; s = 256 MiB / 1 GiB = 0.25
        // threads    max(20, floor(250 x 0.25) = 62)              = 62  -> 62 x 1 MiB    =  65,011,712
        // classes    max(1000, floor(12000 x 0.25) = 3000)        = 3000
        // metaspace  14,000,000 + 5,800 x 3,000 = 31,400,000, up to KiB: 30,665 KiB    =  31,400,960
        // code cache max(16 MiB, 240 MiB x 0.25 = 60 MiB)                               =  62,914,560
        // direct     10 MiB                                                            =  10,485,760
        // non-heap   65,011,712 + 31,400,960 + 62,914,560 + 10,485,760                 = 169,812,992
        // heap       268,435,456 - 169,812,992 = 98,622,464 (94.05 MiB), down to MiB   =  98,566,144 = 94 MiB
        MemoryLayout layout = calculate(256 * MIB, "");
        assertEquals(62, layout.threadCount());
        assertEquals(3000, layout.loadedClassCount());
        assertEquals(31_400_960, layout.size(Region.METASPACE));
        assertEquals(60 * MIB, layout.size(Region.CODE_CACHE));
        assertEquals(94 * MIB, layout.size(Region.HEAP));
        assertTrue(layout.size(Region.HEAP) >= 64 * MIB, "a 256 MiB container gets at least 64 MiB of heap");
        assertEquals(98_566_144 + 169_812_992, layout.total());
        assertTrue(layout.total() <= 256 * MIB, "everything fits");
        assertEquals(List.of("-Xmx94M", "-Xss1M", "-XX:MaxMetaspaceSize=30665K", "-XX:ReservedCodeCacheSize=60M",
                "-XX:MaxDirectMemorySize=10M"), layout.options());
    }

    @Test
    void oneGibibyteGetsTheCalculatorsOwnDefaults() throws CannotFitException {
        // s = 1: 250 threads = 262,144,000; 12,000 classes: 14,000,000 + 69,600,000 = 83,600,000 -> 81,641 KiB
        // = 83,600,384; code cache 240 MiB = 251,658,240; direct 10,485,760
        // non-heap 262,144,000 + 83,600,384 + 251,658,240 + 10,485,760 = 607,888,384
        // heap 1,073,741,824 - 607,888,384 = 465,853,440 (444.27 MiB) -> 444 MiB
        // (the CF README: "1G -> 524M minus metaspace": 524 - 79.7 = 444)
        MemoryLayout layout = calculate(GIB, "");
        assertEquals(250, layout.threadCount());
        assertEquals(83_600_384, layout.size(Region.METASPACE));
        assertEquals(240 * MIB, layout.size(Region.CODE_CACHE));
        assertEquals(444 * MIB, layout.size(Region.HEAP));
        assertEquals(List.of("-Xmx444M", "-Xss1M", "-XX:MaxMetaspaceSize=81641K", "-XX:ReservedCodeCacheSize=240M",
                "-XX:MaxDirectMemorySize=10M"), layout.options());
    }

    @Test
    void fourGibibytesKeepTheFullScaleDefaultsAndGiveTheRestToTheHeap() throws CannotFitException {
        // same non-heap as 1 GiB: 607,888,384;
        // heap 4,294,967,296 - 607,888,384 = 3,687,078,912 (3516.27 MiB) -> 3516 MiB
        MemoryLayout layout = calculate(4 * GIB, "");
        assertEquals(250, layout.threadCount());
        assertEquals(12000, layout.loadedClassCount());
        assertEquals(3516 * MIB, layout.size(Region.HEAP));
        assertEquals("-Xmx3516M", layout.options().get(0));
    }

    @Test
    void aUserHeapIsKeptAndNotPrinted() throws CannotFitException {
        // 1 GiB: -Xmx300m = 314,572,800 + non-heap 607,888,384 = 922,461,184 <= 1,073,741,824
        MemoryLayout layout = calculate(GIB, "-Dx=1 -Xmx300m");
        assertEquals(300 * MIB, layout.size(Region.HEAP));
        assertTrue(layout.fromUser(Region.HEAP));
        assertEquals(List.of("-Xss1M", "-XX:MaxMetaspaceSize=81641K", "-XX:ReservedCodeCacheSize=240M",
                "-XX:MaxDirectMemorySize=10M"), layout.options());
    }

    @Test
    void maxHeapSizeAndMaxRamPercentageAlsoSetTheHeap() throws CannotFitException {
        assertFalse(calculate(GIB, "-XX:MaxHeapSize=200m").options().get(0).startsWith("-Xmx"));
        // 40 % of 1 GiB = 429,496,729 + 607,888,384 = 1,037,385,113 <= 1 GiB
        MemoryLayout percent = calculate(GIB, "-XX:MaxRAMPercentage=40.0");
        assertEquals(429_496_729, percent.size(Region.HEAP));
        assertFalse(percent.options().get(0).startsWith("-Xmx"));
        // HotSpot ignores the percentage when a size is given, wherever it stands
        assertEquals(100 * MIB, calculate(GIB, "-Xmx100m -XX:MaxRAMPercentage=90").size(Region.HEAP));
    }

    @Test
    void theRestIsFittedAroundTheUsersOwnSizes() throws CannotFitException {
        // 1 GiB with -Xss512k and -XX:MaxDirectMemorySize=64m kept:
        // 250 x 512 KiB = 131,072,000; metaspace 83,600,384; code cache 251,658,240; direct 67,108,864
        // non-heap 533,439,488; heap 1,073,741,824 - 533,439,488 = 540,302,336 (515.27 MiB) -> 515 MiB
        MemoryLayout layout = calculate(GIB, "-Xss512k -XX:MaxDirectMemorySize=64m");
        assertEquals(515 * MIB, layout.size(Region.HEAP));
        assertEquals(List.of("-Xmx515M", "-XX:MaxMetaspaceSize=81641K", "-XX:ReservedCodeCacheSize=240M"),
                layout.options());
        assertTrue(layout.total() <= GIB);
    }

    @Test
    void theLastOccurrenceOfAnOptionCounts() throws CannotFitException {
        assertEquals(200 * MIB, calculate(GIB, "-Xmx900m -Xmx200m").size(Region.HEAP));
    }

    @Test
    void userSizesThatCannotFitAreRefusedWithTheNumbers() {
        // 1 GiB: -Xmx768m = 805,306,368 + 607,888,384 = 1,413,194,752 > 1,073,741,824
        CannotFitException e = assertThrows(CannotFitException.class, () -> calculate(GIB, "-Xmx768m"));
        assertEquals("the memory limit of 1 GiB cannot hold the heap of 768 MiB (-Xmx768m) plus 579.7 MiB for"
                + " 250 thread stacks of 1 MiB, metaspace 79.7 MiB, code cache 240 MiB, direct memory 10 MiB",
                e.getMessage());
        // -XX:MaxRAMPercentage=75 is the same 768 MiB
        assertThrows(CannotFitException.class, () -> calculate(GIB, "-XX:MaxRAMPercentage=75"));
    }

    @Test
    void userNonHeapSizesThatLeaveNoHeapAreRefused() {
        // 256 MiB with -XX:ReservedCodeCacheSize=240m: 240 + 62 + 29.9 + 10 MiB > 256 MiB
        CannotFitException e = assertThrows(CannotFitException.class,
                () -> calculate(256 * MIB, "-XX:ReservedCodeCacheSize=240m"));
        assertTrue(e.getMessage().startsWith("the memory limit of 256 MiB leaves nothing for the heap"),
                e.getMessage());
        assertTrue(e.getMessage().contains("(user: -XX:ReservedCodeCacheSize=240m)"), e.getMessage());
    }

    @Test
    void aLimitTooSmallForTheSmallestDefaultsIsRefused() {
        // 64 MiB: s = 1/16; threads max(20, 15) = 20 MiB; classes max(1000, 750) = 1000 -> 19,800,000 -> 19,800,064;
        // code cache max(16 MiB, 15 MiB) = 16 MiB; direct 10 MiB: 68,034,560 > 67,108,864
        assertThrows(CannotFitException.class, () -> calculate(64 * MIB, ""));
    }

    @Test
    void headRoomIsTakenFromTheHeap() throws CannotFitException {
        // 1 GiB, 10 %: 1,073,741,824 / 100 x 10 = 107,374,180, up to KiB = 107,374,592
        // heap 465,853,440 - 107,374,592 = 358,478,848 (341.87 MiB) -> 341 MiB
        MemoryLayout layout = MemoryCalculator.defaults().withHeadRoom(10).calculate(GIB, user(""));
        assertEquals(107_374_592, layout.headRoom());
        assertEquals(341 * MIB, layout.size(Region.HEAP));
    }

    @Test
    void explicitCountsReplaceTheScaledDefaults() throws CannotFitException {
        // 256 MiB, 20 threads, 1000 classes: 20,971,520 + 19,800,064 + 62,914,560 + 10,485,760 = 114,171,904
        // heap 268,435,456 - 114,171,904 = 154,263,552 (147.1 MiB) -> 147 MiB
        MemoryLayout layout = MemoryCalculator.defaults().withThreadCount(20).withLoadedClassCount(1000)
                .calculate(256 * MIB, user(""));
        assertEquals(20, layout.threadCount());
        assertEquals(19_800_064, layout.size(Region.METASPACE));
        assertEquals(147 * MIB, layout.size(Region.HEAP));
    }

    @Test
    void badInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> MemoryCalculator.defaults().withHeadRoom(100));
        assertThrows(IllegalArgumentException.class, () -> MemoryCalculator.defaults().withThreadCount(0));
        assertThrows(IllegalArgumentException.class, () -> MemoryCalculator.defaults().withLoadedClassCount(-5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> calculate(GIB, "-Xmxlots"));
        assertEquals("cannot read \"-Xmxlots\" in JAVA_TOOL_OPTIONS as a size", e.getMessage());
    }

    @Test
    void fromAnEighthOfAGibibyteUpEverythingFitsWithAQuarterOrMoreForTheHeap() throws CannotFitException {
        int checked = 0;
        for (long limit = 128 * MIB; limit <= 8 * GIB; limit += 7 * MIB) {
            MemoryLayout layout = calculate(limit, "");
            assertTrue(layout.total() <= limit, "fits at " + limit);
            assertTrue(layout.size(Region.HEAP) >= limit / 4, "heap at least a quarter at " + limit);
            checked++;
        }
        assertEquals((8192 - 128) / 7 + 1, checked, "limits tried");
    }
}
