import ArgumentParser

/// `aarshjul`: plans a municipality's year of police-cooperation meetings.
@main
struct Aarshjul: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aarshjul",
        abstract: "Turns police–municipality cooperation agreements into a yearly meeting plan.",
        discussion: """
        Examples:
          aarshjul init
          aarshjul plan calendars/lillestrom.yaml --year 2027 --out out/lillestrom-2027
          aarshjul check calendars/luster.yaml
          aarshjul holidays --year 2027 --county innlandet
          aarshjul serve calendars --port 8080
          aarshjul publish calendars --to site/
          aarshjul national --export out/national
        """,
        version: AarshjulVersion.current,
        subcommands: [InitCommand.self, PlanCommand.self, RescheduleCommand.self, CheckCommand.self, HolidaysCommand.self, ExplainCommand.self, RulesCommand.self,
                      ServeCommand.self, PublishCommand.self, NationalCommand.self]
    )
}
