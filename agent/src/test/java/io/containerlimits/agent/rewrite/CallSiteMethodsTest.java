package io.containerlimits.agent.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.containerlimits.agent.rewrite.samples.CallsAvailableProcessors;
import io.containerlimits.agent.rewrite.samples.ClassFiles;
import io.containerlimits.agent.rewrite.samples.DeclaresAvailableProcessors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

class CallSiteMethodsTest {

    /** The flags of {@link CallSiteMethods#of}, keyed by method name (the sample has no overloads). */
    private static Map<String, Boolean> flagsByName(Class<?> type) {
        byte[] classFile = ClassFiles.of(type);
        ClassReader reader = new ClassReader(classFile);
        boolean[] flags = CallSiteMethods.of(reader, classFile);
        List<String> names = new ArrayList<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                names.add(name);
                return null;
            }
        }, ClassReader.SKIP_CODE);
        assertEquals(names.size(), flags.length, "one flag per method, in the order ASM visits them");
        Map<String, Boolean> byName = new TreeMap<>();
        for (int i = 0; i < flags.length; i++) {
            byName.put(names.get(i), flags[i]);
        }
        return byName;
    }

    @Test
    void onlyTheMethodsThatCallRuntimeAreMarked() {
        assertEquals(Map.of("<clinit>", true, "<init>", false, "atInit", false, "direct", true, "twice", true),
                flagsByName(CallsAvailableProcessors.class));
    }

    @Test
    void aClassThatOnlyDeclaresTheNameHasNoMethodref() {
        byte[] classFile = ClassFiles.of(DeclaresAvailableProcessors.class);
        assertNull(CallSiteMethods.of(new ClassReader(classFile), classFile),
                "no Methodref to Runtime.availableProcessors: nothing to visit, no writer built");
    }
}
