package io.containerlimits.agent.rewrite.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The class files of the samples, and a loader that defines one of them from given bytes. */
public final class ClassFiles {

    private ClassFiles() {
    }

    /** The bytes javac wrote for {@code type}. */
    public static byte[] of(Class<?> type) {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Defines {@code name} from {@code classFile} in a fresh loader; everything else comes from the test's loader. */
    public static Class<?> define(String name, byte[] classFile) {
        ClassLoader loader = new ClassLoader(ClassFiles.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
                if (className.equals(name)) {
                    synchronized (getClassLoadingLock(className)) {
                        Class<?> loaded = findLoadedClass(className);
                        return loaded != null ? loaded : defineClass(className, classFile, 0, classFile.length);
                    }
                }
                return super.loadClass(className, resolve);
            }
        };
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
