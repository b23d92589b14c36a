package dev.vmcscodegen.maven;

import dev.vmcscodegen.problem.Problem;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Checks the configured VMCS spec files and generates their typed field accessors (the same checks and
 * generator as {@code vmcs-processor}), into a source root the compiler then compiles. It regenerates
 * exactly when a spec's text, the configuration or the plugin changed (so editing only a spec needs no
 * {@code clean}), leaves unchanged sources untouched, deletes the sources and classes of groups that are
 * gone, and fails the build with every problem as {@code FILE:LINE: [RuleId] message}.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

  /** The spec files and how to generate each; see {@link Spec}. */
  @Parameter(required = true)
  private List<Spec> specs;

  /** Where the sources are generated; added as a compile source root. */
  @Parameter(defaultValue = "${project.build.directory}/generated-sources/vmcs", required = true)
  private File outputDirectory;

  /** Skips the goal (the generated sources are then not added either). */
  @Parameter(property = "vmcs.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  private PluginDescriptor plugin;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  private MojoExecution execution;

  /** For Maven. */
  public GenerateMojo() {}

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping VMCS source generation (vmcs.skip)");
      return;
    }
    List<SpecInput> inputs = inputs();
    Path stateFile = Path.of(project.getBuild().getDirectory(), "vmcs-maven-plugin",
        execution.getExecutionId() + ".state");
    Generation generation = new Generation(outputDirectory.toPath(),
        Path.of(project.getBuild().getOutputDirectory()), stateFile, pluginIdentity());
    Generation.Outcome outcome;
    try {
      outcome = generation.run(inputs);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write generated VMCS sources under " + outputDirectory + ": " + e, e);
    }
    if (!outcome.problems().isEmpty()) {
      throw new MojoFailureException(failureMessage(outcome.problems()));
    }
    project.addCompileSourceRoot(outputDirectory.getPath());
    if (outcome.upToDate()) {
      getLog().info("VMCS sources are up to date (" + outcome.unchanged().size() + " files in "
          + outputDirectory + ")");
    } else {
      getLog().info("Generated VMCS sources from " + inputs.size() + (inputs.size() == 1 ? " spec" : " specs")
          + ": " + outcome.written().size() + " written, " + outcome.unchanged().size() + " unchanged, "
          + outcome.removed().size() + " removed (" + outputDirectory + ")");
      outcome.removed().forEach(removed -> getLog().info("  removed " + removed + " (its group is gone)"));
    }
  }

  /** Reads every configured spec; rejects configurations that cannot work. */
  private List<SpecInput> inputs() throws MojoExecutionException {
    if (specs == null || specs.isEmpty()) {
      throw new MojoExecutionException("vmcs-maven-plugin: no <specs> configured; add"
          + " <specs><spec><file>...</file><packageName>...</packageName></spec></specs>");
    }
    List<SpecInput> inputs = new ArrayList<>();
    Map<String, String> targets = new HashMap<>();
    for (Spec spec : specs) {
      if (spec.file() == null || spec.packageName() == null || spec.prefix() == null) {
        throw new MojoExecutionException("vmcs-maven-plugin: each <spec> needs a <file> and a <packageName>"
            + " (empty for the unnamed package); <prefix> must not be empty");
      }
      Path file = spec.file().isAbsolute() ? spec.file().toPath() : project.getBasedir().toPath().resolve(spec.file().toPath());
      String name = file.normalize().toString();
      String target = spec.packageName() + "." + spec.prefix();
      String other = targets.putIfAbsent(target, name);
      if (other != null) {
        throw new MojoExecutionException("vmcs-maven-plugin: specs " + other + " and " + name
            + " would both generate " + spec.prefix() + "Fields in package '" + spec.packageName()
            + "'; give one of them another <prefix> or <packageName>");
      }
      inputs.add(SpecInput.load(file, name, spec.packageName(), spec.prefix(), spec.extendsBase()));
    }
    return inputs;
  }

  /**
   * The plugin's version and, for a snapshot, the size and time of each of its own jars: a rebuilt
   * snapshot of the plugin or the processor regenerates.
   */
  private String pluginIdentity() {
    StringBuilder identity = new StringBuilder(plugin.getId());
    if (plugin.getVersion().endsWith("-SNAPSHOT")) {
      List<Artifact> artifacts = new ArrayList<>(plugin.getArtifacts());
      artifacts.add(plugin.getPluginArtifact());
      for (Artifact artifact : artifacts) {
        File jar = artifact.getFile();
        if (artifact.getGroupId().equals(plugin.getGroupId()) && jar != null) {
          identity.append(' ').append(artifact.getArtifactId()).append(':').append(jar.length()).append(':')
              .append(jar.lastModified());
        }
      }
    }
    return identity.toString();
  }

  /** Every problem on its own line, as {@code FILE:LINE: [RuleId] subject: message (citation)}. */
  static String failureMessage(List<Problem> problems) {
    StringBuilder message = new StringBuilder()
        .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems")
        .append(" in VMCS spec files; nothing generated:");
    problems.forEach(problem -> message.append(System.lineSeparator()).append(problem.render()));
    return message.toString();
  }
}
