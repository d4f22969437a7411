import Foundation
import PackagePlugin

/// Compiles the files under the package's `data/` folder into the target as
/// string constants, so the tool carries its facts (school calendars,
/// municipalities, elections) wherever the binary goes, and a change to a
/// data file rebuilds only that constant. The files stay the single source.
@main
struct EmbedData: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let data = context.package.directoryURL.appending(path: "data")
        let files = (FileManager.default.subpaths(atPath: data.path) ?? [])
            .filter { $0.hasSuffix(".yaml") }
            .sorted()
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedData.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) data files",
                executable: try context.tool(named: "AarshjulDataEmbedder").url,
                arguments: [data.path, output.path] + files,
                inputFiles: files.map { data.appending(path: $0) },
                outputFiles: [output]
            )
        ]
    }
}
