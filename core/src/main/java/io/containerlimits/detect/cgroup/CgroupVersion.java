package io.containerlimits.detect.cgroup;

/** Which cgroup interface governs a controller: each controller is decided on its own (hybrid hosts mix them). */
public enum CgroupVersion {
    /** A {@code cgroup} mount with the controller in its super options, and a {@code N:controller,...:} line. */
    V1,
    /** The {@code cgroup2} mount and the {@code 0::} line. */
    V2;

    /** {@code "v1"} or {@code "v2"}, as reports print it. */
    public String key() {
        return this == V1 ? "v1" : "v2";
    }
}
