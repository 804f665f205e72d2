/// Infers the type of an expression against declarations, reporting the first error found.
struct Checker {
    let declarations: CELDeclarations
    init(_ declarations: CELDeclarations) { self.declarations = declarations }
    func check(_ expr: Expr) throws(CELError) -> CELType { .dyn }
}
