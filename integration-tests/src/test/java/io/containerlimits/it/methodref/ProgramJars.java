package io.containerlimits.it.methodref;

import io.containerlimits.it.support.TestJdks;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * {@link MethodReferenceProgram} as users ship it: the program in {@code app.jar}, {@link RuntimeReferences} in a
 * library jar of its own. Jars, not the class directory: the AOT cache refuses a class path with a non-empty directory.
 */
record ProgramJars(Path app, Path library) {

    /** The program's main class. */
    static final String MAIN = MethodReferenceProgram.class.getName();

    /** Writes both jars into {@code directory} from the compiled programs (Java 8 bytecode). */
    static ProgramJars writeTo(Path directory) throws IOException {
        Path app = jar(directory.resolve("app.jar"), MethodReferenceProgram.class, Greeting.class);
        Path library = jar(directory.resolve("library.jar"), RuntimeReferences.class);
        return new ProgramJars(app, library);
    }

    /** The class path: the program, then the library. */
    List<Path> classPath() {
        return List.of(app, library);
    }

    private static Path jar(Path jar, Class<?>... classes) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Class<?> type : classes) {
                String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                out.write(Files.readAllBytes(TestJdks.programClasses().resolve(entry)));
                out.closeEntry();
            }
        }
        return jar;
    }
}
