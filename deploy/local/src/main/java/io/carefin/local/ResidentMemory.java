package io.carefin.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Resident memory (VmRSS) of a process and all its descendants, from Linux's /proc.
 */
final class ResidentMemory {

	private ResidentMemory() {
	}

	static long ofProcessTree(ProcessHandle root) {
		return Stream.concat(Stream.of(root), root.descendants()).mapToLong(ResidentMemory::of).sum();
	}

	private static long of(ProcessHandle process) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// the process ended meanwhile, or this is not Linux
		}
		return 0;
	}

}
