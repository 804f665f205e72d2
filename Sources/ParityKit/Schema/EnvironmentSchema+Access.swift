extension EnvironmentSchema {
    /// Who may do what.
    public static let access = ObjectSchema(
        "Access", "Who may do what, and the credentials in use.",
        fields: [
            FieldSchema("roles", .list(.object(role), .named(key: "name")), "Roles and their permissions, by name."),
            FieldSchema(
                "bindings", .list(.object(binding), .named(key: "name")), "Which principals hold which role, by name."),
            FieldSchema(
                "credentials", .list(.object(credential), .named(key: "name")),
                "Passwords, keys and certificates in use, and how they rotate."),
        ])

    /// A role.
    public static let role = ObjectSchema(
        "Role", "A set of permissions granted together.",
        fields: [
            FieldSchema("name", .string, "The role's name, unique in the environment.", required: true),
            FieldSchema("description", .string, "What the role is for, in a sentence."),
            FieldSchema(
                "permissions", .list(.object(permission), .identified(by: ["actions"])),
                "What the role allows (or denies), each identified by its actions (permissions[s3:GetObject,s3:PutObject]); "
                    + "no two with the same actions.", required: true),
        ])

    /// A permission.
    public static let permission = ObjectSchema(
        "Permission", "Actions allowed or denied on resources.",
        fields: [
            FieldSchema(
                "actions", .list(.string, .set), "The actions (s3:GetObject, orders:read); * is every action.",
                required: true),
            FieldSchema(
                "resources", .list(.string, .set), "The resources acted on (an ARN, a name); * is every resource.",
                required: true),
            FieldSchema("effect", .enumeration(["allow", "deny"]), "Whether to allow or deny (allow when omitted)."),
        ])

    /// A binding.
    public static let binding = ObjectSchema(
        "Binding", "Principals granted a role.",
        fields: [
            FieldSchema("name", .string, "The binding's name, unique in the environment.", required: true),
            FieldSchema(
                "role", .string, "The role granted; declared under access.roles.", required: true,
                references: Reference(["access.roles"], noun: "role")),
            FieldSchema(
                "principals", .list(.string, .set),
                "Who holds the role (user:ana@example.com, group:sre, service:checkout-api).", required: true),
            FieldSchema("expires", .date, "The last day the grant holds; required for break-glass roles."),
        ])

    /// The kinds of credential.
    public static let credentialKinds = ["password", "api-key", "certificate", "token", "ssh-key", "access-key"]

    /// A credential.
    public static let credential = ObjectSchema(
        "Credential", "A secret in use, where it is kept, and how it rotates.",
        fields: [
            FieldSchema("name", .string, "The credential's name, unique in the environment.", required: true),
            FieldSchema(
                "kind", .enumeration(credentialKinds),
                "What it is: password, api-key, certificate, token, ssh-key or access-key.", required: true),
            FieldSchema("principal", .string, "Who the credential authenticates (service:checkout-api)."),
            FieldSchema("secretRef", .string, "Where the secret is kept (a vault path or secrets-manager ARN)."),
            FieldSchema("rotation", .duration, "How often the credential is rotated (90d)."),
            FieldSchema("lastRotated", .date, "When the credential was last rotated."),
            FieldSchema(
                "value", .string, "The secret itself, only where it cannot be kept elsewhere; never printed.",
                sensitive: true),
        ])
}
