package ladder.model.lab;

/**
 * One thing wrong in a lab definition.
 *
 * @param file    the file, as given to the loader (e.g. {@code labs/catalog/metrics/lab.yaml})
 * @param line    1-based line, or 0 when unknown
 * @param field   the field's path, e.g. {@code checks[2].condition}
 * @param problem what is wrong and, where it helps, what is accepted
 */
public record LabDefinitionProblem(String file, int line, String field, String problem) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + field + ": " + problem;
    }
}
