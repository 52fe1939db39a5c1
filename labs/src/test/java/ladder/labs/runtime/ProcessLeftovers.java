package ladder.labs.runtime;

import java.nio.file.Path;
import java.util.List;

/** Finds live processes whose command line names a folder: what a lab run may have left behind. */
final class ProcessLeftovers {

    private ProcessLeftovers() {}

    static List<ProcessHandle> naming(Path folder) {
        String needle = folder.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.pid() != ProcessHandle.current().pid())
                .filter(process -> SessionRecords.commandNames(process, Path.of(needle)))
                .toList();
    }
}
