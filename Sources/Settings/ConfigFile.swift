/// The name of the configuration file genbridge looks for in the working folder.
package enum ConfigFile {
    package static let defaultName = "genbridge.yml"
}
