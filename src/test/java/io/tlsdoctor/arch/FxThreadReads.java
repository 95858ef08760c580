package io.tlsdoctor.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The rule that a UI test reads JavaFX state on the FX thread only: a node or a bound property read from the test
 * thread while the FX thread rewrites it can tear (CI died once inside {@code TextArea.getText()}).
 *
 * <p>In a TestFX test class (one run with {@link ApplicationExtension}), code that runs on the test thread may not
 * call a JavaFX method (any {@code javafx.*} type but {@code Platform}), query a TestFX {@code NodeQuery}, or call a
 * helper marked {@code @OnFxThread}. Such calls are allowed only where the FX thread runs them:
 * <ul>
 *   <li>inside a lambda or method reference handed straight to a parameter the FX thread runs
 *   ({@code FxReads.onFx} and {@code FxReads.waitUntil}'s condition, {@code robot.interact},
 *   {@code WaitForAsyncUtils.asyncFx}, {@code Platform.runLater}: {@link #FX_SINKS}), and in lambdas written inside
 *   those;</li>
 *   <li>in {@code @Start} methods and in helpers marked {@code @OnFxThread}.</li>
 * </ul>
 * ArchUnit compiles a lambda to a synthetic {@code lambda$...} method but does not say which call it is handed to, so
 * that is read from the bytecode: the call that takes the {@code invokedynamic}'s value as an argument.
 */
final class FxThreadReads {

    /**
     * The parameters whose lambdas run on the FX thread, as "owner.method(parameter type)"; "*" for any parameter.
     * Only these are trusted: {@code FxReads.waitForText} reads the text on the FX thread but tests its expectation
     * (a {@code Predicate}) on the test thread, so a lambda there is test-thread code. {@link #FX_READS_TEST_THREAD}
     * lists FxReads' other functional parameters, and FxThreadReadsRuleTest fails when one is in neither list.
     */
    static final Set<String> FX_SINKS = Set.of(
            "io.tlsdoctor.ui.FxReads.onFx(java.util.concurrent.Callable)",
            "io.tlsdoctor.ui.FxReads.waitUntil(java.util.concurrent.Callable)",
            "org.testfx.api.FxRobot.interact(*)",
            "org.testfx.util.WaitForAsyncUtils.asyncFx(*)",
            "javafx.application.Platform.runLater(*)");

    /** FxReads' functional parameters that run on the test thread (so their lambdas must not read JavaFX state). */
    static final Set<String> FX_READS_TEST_THREAD =
            Set.of("io.tlsdoctor.ui.FxReads.waitForText(java.util.function.Predicate)");

    private static final String START = Type.getDescriptor(org.testfx.framework.junit5.Start.class);
    private static final String ON_FX_THREAD = "Lio/tlsdoctor/ui/OnFxThread;";
    private static final String LAMBDA_FACTORY = "java/lang/invoke/LambdaMetafactory";

    private FxThreadReads() {}

    /** TestFX test classes and the classes nested in them (their lambdas and records run the same way). */
    static final DescribedPredicate<JavaClass> TESTFX_TESTS =
            DescribedPredicate.describe("TestFX tests", javaClass -> isTestFxTest(outermost(javaClass)));

    static ArchCondition<JavaClass> readJavaFxOnlyOnTheFxThread() {
        return new ArchCondition<>("read JavaFX state only on the FX thread (through FxReads or robot.interact)") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (String violation : violations(javaClass.getName())) {
                    events.add(SimpleConditionEvent.violated(javaClass, violation));
                }
            }
        };
    }

    /** Each read off the FX thread in the class {@code className}, as "Test.method (Test.java:12) calls ...". */
    static List<String> violations(String className) {
        ClassNode type = read(className);
        Map<String, MethodNode> methods = new HashMap<>();
        type.methods.forEach(method -> methods.put(method.name + method.desc, method));

        Map<MethodNode, Frame<SourceValue>[]> frames = new HashMap<>();
        for (MethodNode method : type.methods) {
            frames.put(method, analyse(type, method));
        }
        // Which call, and which of its parameters, takes each invokedynamic (lambda or method reference).
        Map<InvokeDynamicInsnNode, Consumer> consumers = new HashMap<>();
        for (MethodNode method : type.methods) {
            Frame<SourceValue>[] methodFrames = frames.get(method);
            for (int i = 0; i < method.instructions.size(); i++) {
                if (method.instructions.get(i) instanceof MethodInsnNode call && methodFrames[i] != null) {
                    consumers.putAll(lambdaArguments(call, methodFrames[i]));
                }
            }
        }
        // The methods that run on the FX thread, grown to a fixed point: a lambda written inside one runs there too.
        Set<MethodNode> onFx = new HashSet<>();
        for (MethodNode method : type.methods) {
            if (annotated(method, START) || annotated(method, ON_FX_THREAD)) {
                onFx.add(method);
            }
        }
        for (boolean grew = true; grew; ) {
            grew = false;
            for (MethodNode method : type.methods) {
                for (AbstractInsnNode insn : method.instructions) {
                    if (insn instanceof InvokeDynamicInsnNode indy && isLambdaFactory(indy)) {
                        Handle body = (Handle) indy.bsmArgs[1];
                        MethodNode lambda =
                                body.getOwner().equals(type.name) ? methods.get(body.getName() + body.getDesc()) : null;
                        if (lambda != null
                                && !onFx.contains(lambda)
                                && (onFx.contains(method) || isFxSink(consumers.get(indy)))) {
                            onFx.add(lambda);
                            grew = true;
                        }
                    }
                }
            }
        }

        List<String> found = new ArrayList<>();
        for (MethodNode method : type.methods) {
            if (onFx.contains(method)) {
                continue;
            }
            int line = 0;
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof LineNumberNode number) {
                    line = number.line;
                } else if (insn instanceof MethodInsnNode call && readsFx(call.owner, call.name, call.desc)) {
                    found.add(
                            where(type, method, line) + " calls " + name(call.owner, call.name) + " off the FX thread");
                } else if (insn instanceof InvokeDynamicInsnNode indy
                        && isLambdaFactory(indy)
                        && !isFxSink(consumers.get(indy))) {
                    Handle body = (Handle) indy.bsmArgs[1];
                    if (!body.getOwner().equals(type.name)
                            && readsFx(body.getOwner(), body.getName(), body.getDesc())) {
                        Consumer consumer = consumers.get(indy);
                        found.add(where(type, method, line) + " hands " + name(body.getOwner(), body.getName()) + " to "
                                + (consumer == null ? "a variable" : consumer.call()) + ", off the FX thread");
                    }
                }
            }
        }
        return found;
    }

    private static boolean readsFx(String owner, String name, String desc) {
        if (name.equals("<init>") || name.equals("<clinit>")) {
            return false; // building a node or a property off the FX thread is allowed; reading one that shows is not
        }
        if (owner.startsWith("javafx/")) {
            // values that never change once made (bounds, a colour, a pseudo-class) may be read anywhere
            return !owner.equals("javafx/application/Platform")
                    && !owner.startsWith("javafx/geometry/")
                    && !owner.equals("javafx/css/PseudoClass")
                    && !owner.equals("javafx/scene/paint/Color")
                    && !owner.equals("javafx/util/Duration");
        }
        if (owner.startsWith("org/testfx/service/query/NodeQuery")) {
            return true; // a lookup walks the scene graph the FX thread may be changing
        }
        return isOnFxThreadHelper(owner, name, desc);
    }

    private static final Map<String, Boolean> HELPERS = new HashMap<>();

    private static synchronized boolean isOnFxThreadHelper(String owner, String name, String desc) {
        if (!owner.startsWith("io/tlsdoctor/")) {
            return false;
        }
        return HELPERS.computeIfAbsent(owner + "." + name + desc, key -> {
            ClassNode type = read(owner.replace('/', '.'));
            return type.methods.stream()
                    .anyMatch(m -> m.name.equals(name) && m.desc.equals(desc) && annotated(m, ON_FX_THREAD));
        });
    }

    /** The call a lambda is handed to ("owner.method") and the type of the parameter that takes it. */
    private record Consumer(String call, String parameterType) {}

    private static boolean isFxSink(Consumer consumer) {
        return consumer != null
                && (FX_SINKS.contains(consumer.call() + "(" + consumer.parameterType() + ")")
                        || FX_SINKS.contains(consumer.call() + "(*)"));
    }

    private static Map<InvokeDynamicInsnNode, Consumer> lambdaArguments(MethodInsnNode call, Frame<SourceValue> frame) {
        Type[] parameters = Type.getArgumentTypes(call.desc);
        int receiver = call.getOpcode() == Opcodes.INVOKESTATIC ? 0 : 1;
        int first = frame.getStackSize() - parameters.length - receiver;
        Map<InvokeDynamicInsnNode, Consumer> lambdas = new HashMap<>();
        for (int slot = first + receiver; slot < frame.getStackSize(); slot++) {
            for (AbstractInsnNode source : frame.getStack(slot).insns) {
                if (source instanceof InvokeDynamicInsnNode indy && isLambdaFactory(indy)) {
                    lambdas.put(
                            indy,
                            new Consumer(
                                    call.owner.replace('/', '.') + "." + call.name,
                                    parameters[slot - first - receiver].getClassName()));
                }
            }
        }
        return lambdas;
    }

    private static boolean isLambdaFactory(InvokeDynamicInsnNode indy) {
        return indy.bsm.getOwner().equals(LAMBDA_FACTORY)
                && indy.bsmArgs.length >= 2
                && indy.bsmArgs[1] instanceof Handle;
    }

    @SuppressWarnings("unchecked")
    private static Frame<SourceValue>[] analyse(ClassNode type, MethodNode method) {
        try {
            return new Analyzer<>(new SourceInterpreter()).analyze(type.name, method);
        } catch (AnalyzerException e) {
            throw new IllegalStateException("cannot analyse " + type.name + "." + method.name, e);
        }
    }

    private static boolean annotated(MethodNode method, String descriptor) {
        return Stream.of(method.visibleAnnotations, method.invisibleAnnotations)
                .filter(list -> list != null)
                .flatMap(List::stream)
                .map((AnnotationNode annotation) -> annotation.desc)
                .anyMatch(descriptor::equals);
    }

    private static ClassNode read(String className) {
        String resource = className.replace('.', '/') + ".class";
        try (InputStream in = FxThreadReads.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no class file for " + className);
            }
            ClassNode type = new ClassNode();
            new ClassReader(in).accept(type, 0);
            return type;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String where(ClassNode type, MethodNode method, int line) {
        String simple = type.name.substring(type.name.lastIndexOf('/') + 1);
        return simple + "." + method.name + " (" + type.sourceFile + ":" + line + ")";
    }

    private static String name(String owner, String method) {
        return owner.replace('/', '.') + "." + method;
    }

    private static JavaClass outermost(JavaClass javaClass) {
        JavaClass top = javaClass;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    private static boolean isTestFxTest(JavaClass javaClass) {
        for (JavaAnnotation<JavaClass> annotation : javaClass.getAnnotations()) {
            if (annotation.getRawType().isEquivalentTo(ExtendWith.class)) {
                Object value = annotation.get("value").orElse(new Object[0]);
                if (value instanceof Object[] extensions
                        && Arrays.stream(extensions)
                                .anyMatch(extension -> extension instanceof JavaClass type
                                        && type.isEquivalentTo(ApplicationExtension.class))) {
                    return true;
                }
            }
        }
        return false;
    }
}
