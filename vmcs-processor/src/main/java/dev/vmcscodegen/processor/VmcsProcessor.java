package dev.vmcscodegen.processor;

import com.google.auto.service.AutoService;
import dev.vmcscodegen.annotations.VmcsSpec;
import dev.vmcscodegen.processor.internal.model.Message;
import dev.vmcscodegen.problem.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Generates typed VMCS field enums for every element annotated with {@link VmcsSpec}: finds the spec
 * ({@link SpecLocator}), compiles it ({@link SpecCompiler}: read, check, generate), and reports
 * each problem as an error on the annotation's {@code value} (the spec path, so an IDE lands there),
 * or writes the files. Nothing escapes into javac: an
 * unexpected exception is reported as {@code [VmcsInternalError]} with its stack trace.
 *
 * <p>Option {@code -Avmcs.specRoot=DIR}: a directory specs are looked up in (see {@link VmcsSpec}).
 *
 * <p>Build tools: javac does not know the spec is an input, so Maven does not rerun the processor
 * when only the spec changed (use {@code vmcs-maven-plugin}, which does, or delete
 * {@code target/maven-status/maven-compiler-plugin/compile}, as the vmcs-runtime pom does); Gradle runs it as an isolating processor (each generated file comes from one
 * annotated element) and must be told the spec is a compile input. The generated code is annotated
 * {@code @javax.annotation.processing.Generated}: a JPMS module using it needs
 * {@code requires static java.compiler}.
 */
@AutoService(Processor.class)
public final class VmcsProcessor extends AbstractProcessor {


  private static final String ANNOTATION = VmcsSpec.class.getCanonicalName();

  /**
   * The annotation the generated code carries. The processor claims it in a round where every element
   * carrying it is ours (so javac's {@code -Xlint:processing} does not warn about our own output), and
   * never when another tool's generated code carries it too: that is for the other tool's processors.
   */
  private static final String GENERATED = "javax.annotation.processing.Generated";

  /** The phases from spec text to sources: {@link SpecCompiler#compile}, or a test's stand-in. */
  @FunctionalInterface
  interface Phases {
    SpecCompilation compile(String fileName, String content, boolean extendsBase, String packageName,
        String prefix);
  }

  private final Phases phases;

  /** The processor javac loads. */
  public VmcsProcessor() {
    this(SpecCompiler::compile);
  }

  /** A processor running other phases: lets tests make them fail. */
  VmcsProcessor(Phases phases) {
    this.phases = phases;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(ANNOTATION, GENERATED);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(SpecLocator.SPEC_ROOT_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    boolean claim = true;
    for (TypeElement annotation : annotations) {
      if (annotation.getQualifiedName().contentEquals(GENERATED)) {
        claim = round.getElementsAnnotatedWith(annotation).stream().allMatch(VmcsProcessor::generatedByUs);
        continue;
      }
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        AnnotationMirror mirror = mirrorOf(element);
        try {
          processElement(element, mirror);
        } catch (Exception | LinkageError | AssertionError e) {
          error(element, mirror, Message.INTERNAL_ERROR.format(stackTrace(e)));
        }
      }
    }
    return claim; // @VmcsSpec, and @Generated when it is only on our output
  }

  /** Whether {@code element} carries {@code @Generated} naming this processor. */
  private static boolean generatedByUs(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().toString().equals(GENERATED)) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
            : mirror.getElementValues().entrySet()) {
          if (entry.getKey().getSimpleName().contentEquals("value")
              && entry.getValue().toString().contains("\"" + VmcsProcessor.class.getName() + "\"")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private void processElement(Element element, AnnotationMirror mirror) {
    VmcsSpec spec = element.getAnnotation(VmcsSpec.class);
    SpecLocator locator = new SpecLocator(processingEnv.getFiler(),
        Optional.ofNullable(processingEnv.getOptions().get(SpecLocator.SPEC_ROOT_OPTION)));
    SpecLocation location = locator.locate(spec.value());
    if (location instanceof SpecLocation.NotFound notFound) {
      StringBuilder looked = new StringBuilder();
      notFound.looked().forEach(place -> looked.append(System.lineSeparator()).append("  ").append(place));
      error(element, mirror, Message.SPEC_NOT_FOUND.format(spec.value(), looked));
      return;
    }
    if (location instanceof SpecLocation.Unreadable unreadable) {
      error(element, mirror, Message.SPEC_UNREADABLE.format(unreadable.where(), unreadable.reason()));
      return;
    }
    if (location instanceof SpecLocation.NotText notText) {
      notText.problems().forEach(problem -> error(element, mirror, problem.render()));
      return;
    }
    SpecLocation.Found found = (SpecLocation.Found) location;
    SpecCompilation compilation = phases.compile(spec.value(), found.content(), spec.extendsBase(),
        packageOf(element), spec.prefix());
    for (Problem problem : compilation.problems()) {
      error(element, mirror, problem.render());
    }
    // A spec with problems fails the compilation, but javac still reports "cannot find symbol" for every
    // generated type named in a declaration or import: write the types of the clean lines so that the
    // spec's problems are what the user reads. They are never compiled into classes (javac stops on
    // the errors above).
    List<GeneratedSource> sources = compilation.succeeded() ? compilation.sources()
        : SpecCompiler.recoverySources(spec.value(), found.content(), spec.extendsBase(), packageOf(element),
            spec.prefix());
    for (GeneratedSource generated : sources) {
      try {
        JavaFileObject source = processingEnv.getFiler().createSourceFile(generated.qualifiedName(), element);
        try (Writer writer = source.openWriter()) {
          writer.write(generated.text());
        }
      } catch (IOException e) {
        error(element, mirror, Message.WRITE_FAILED.format(generated.qualifiedName(), e));
      }
    }
  }

  private String packageOf(Element element) {
    PackageElement pkg = processingEnv.getElementUtils().getPackageOf(element);
    return pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
  }

  private static AnnotationMirror mirrorOf(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().toString().equals(ANNOTATION)) {
        return mirror;
      }
    }
    return null;
  }

  /** Reports on the annotation's {@code value} (the spec path), so an IDE lands on it. */
  private void error(Element element, AnnotationMirror mirror, String message) {
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, element, mirror, specPath(mirror));
  }

  private static AnnotationValue specPath(AnnotationMirror mirror) {
    if (mirror == null) {
      return null;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("value")) {
        return entry.getValue();
      }
    }
    return null;
  }

  private static String stackTrace(Throwable e) {
    StringWriter text = new StringWriter();
    e.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
