package ladder.model.lab;

import java.util.List;
import java.util.stream.Collectors;

/** A lab definition or workspace that cannot be used; lists every problem found. */
public class InvalidLabException extends RuntimeException {

    private final List<LabDefinitionProblem> problems;

    public InvalidLabException(List<LabDefinitionProblem> problems) {
        super(problems.stream().map(LabDefinitionProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<LabDefinitionProblem> problems() {
        return problems;
    }
}
