package io.containerlimits.it.rewrite;

/**
 * How the harness makes the JVM look at a class. Only linking verifies: HotSpot defers verification until a class is
 * linked, which {@code Class.forName(name, false, loader)} never asks for.
 */
enum Linking {

    /** Loads (defines) the class and stops: the control that shows a broken class passes unnoticed this way. */
    LOAD_ONLY {
        @Override
        Class<?> apply(String name, ClassLoader loader) throws ClassNotFoundException {
            return Class.forName(name, false, loader);
        }
    },

    /**
     * Loads, then calls {@code getDeclaredFields()}: {@code JVM_GetClassDeclaredFields} links the class (supertypes
     * first, then bytecode verification) before it builds any {@code Field}, and runs no static initializer.
     */
    REFLECTION {
        @Override
        Class<?> apply(String name, ClassLoader loader) throws ClassNotFoundException {
            Class<?> type = Class.forName(name, false, loader);
            type.getDeclaredFields();
            return type;
        }
    };

    /** The class, loaded by {@code loader} and taken as far as this strategy goes; throws what the JVM threw. */
    abstract Class<?> apply(String name, ClassLoader loader) throws ClassNotFoundException;
}
