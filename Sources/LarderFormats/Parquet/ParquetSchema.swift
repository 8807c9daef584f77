/// One leaf (primitive) column of a Parquet schema: where its values live in each row group.
struct ParquetLeafColumn: Sendable {
    /// The schema element describing the values.
    var element: ParquetSchemaElement
    /// The names from the top-level field down to this leaf.
    var path: [String]
    /// The definition level of a present value.
    var maxDefinitionLevel: Int
    /// The repetition level of a value continuing a list.
    var maxRepetitionLevel: Int
}

/// How the rows of a top-level field are assembled from its leaf column's levels.
enum ParquetFieldShape: Sendable, Hashable {
    /// One value per row; a definition level below the maximum is a null.
    case flat
    /// A list per row. Definition levels below `definedLevel` are a null list, `definedLevel`
    /// is an empty list, `elementLevel` a null element and the maximum a present element.
    case list(definedLevel: Int, elementLevel: Int)
}

/// A top-level field Larder can read: one leaf column, scalar or list of scalars.
struct ParquetFieldLayout: Sendable {
    /// The index of the field's leaf column in each row group.
    var leafIndex: Int
    /// The type of the values in the leaf column (the element type of a list).
    var valueType: ColumnType
    /// The field's type as users see it.
    var type: ColumnType
    /// Whether a row may be null.
    var nullable: Bool
    /// Whether list elements may be null.
    var elementNullable: Bool
    /// How rows are assembled from levels.
    var shape: ParquetFieldShape
}

/// A top-level field of the file, readable or not.
struct ParquetField: Sendable {
    /// The field's name.
    var name: String
    /// The leaf columns the field spans, in row-group column order.
    var leaves: Range<Int>
    /// How to read it, or why it cannot be read.
    var layout: Result<ParquetFieldLayout, ParquetUnsupportedField>
}

/// Why a field cannot be read: "a MAP", "a struct", "a list of lists", "a TIME".
struct ParquetUnsupportedField: Error, Sendable, Hashable {
    /// What the field is, with an article.
    var kind: String
}

/// The schema of a Parquet file, resolved into leaf columns and top-level fields.
struct ParquetSchema: Sendable {
    /// Every leaf column, in the order row groups store them.
    var leaves: [ParquetLeafColumn] = []
    /// The top-level fields, in file order.
    var fields: [ParquetField] = []

    /// A schema node with its children, parsed from the flattened element list.
    private struct Node {
        var element: ParquetSchemaElement
        var children: [Node]
        var isLeaf: Bool { element.numChildren == nil && element.type != nil }
    }

    /// Resolves a flattened schema.
    /// - Parameter elements: the footer's schema elements, root first, depth-first.
    /// - Throws: ``ParquetCorruption`` when the tree is malformed.
    init(elements: [ParquetSchemaElement]) throws {
        guard let root = elements.first else { throw ParquetCorruption("the schema is empty") }
        var cursor = 1
        let children = try Self.parseChildren(of: root, elements: elements, cursor: &cursor, depth: 1)
        guard cursor == elements.count else {
            throw ParquetCorruption("the schema has \(elements.count - cursor) elements outside the tree")
        }
        for child in children {
            let first = leaves.count
            collectLeaves(child, path: [], definition: 0, repetition: 0)
            let range = first..<leaves.count
            var layout = Self.layout(of: child, leafIndex: first, leafCount: range.count)
            if case .success(let resolved) = layout, !Self.levelsAgree(resolved, leaves[first]) {
                layout = .failure(ParquetUnsupportedField(kind: "nested in an unexpected way"))
            }
            fields.append(ParquetField(name: child.element.name, leaves: range, layout: layout))
        }
    }

    private static func parseChildren(
        of parent: ParquetSchemaElement, elements: [ParquetSchemaElement], cursor: inout Int, depth: Int
    ) throws -> [Node] {
        guard depth <= 64 else { throw ParquetCorruption("the schema is nested deeper than 64 levels") }
        let count = Int(parent.numChildren ?? 0)
        guard count >= 0, count <= elements.count - cursor else {
            throw ParquetCorruption(
                "schema element '\(parent.name)' claims \(count) children but only \(elements.count - cursor) elements follow"
            )
        }
        var nodes: [Node] = []
        nodes.reserveCapacity(count)
        for _ in 0..<count {
            guard cursor < elements.count else {
                throw ParquetCorruption("schema element '\(parent.name)' claims more children than the schema holds")
            }
            let element = elements[cursor]
            cursor += 1
            if element.numChildren == nil && element.type == nil {
                throw ParquetCorruption("schema element '\(element.name)' has neither a type nor children")
            }
            let children =
                element.numChildren == nil
                ? [] : try parseChildren(of: element, elements: elements, cursor: &cursor, depth: depth + 1)
            nodes.append(Node(element: element, children: children))
        }
        return nodes
    }

    private mutating func collectLeaves(_ node: Node, path: [String], definition: Int, repetition: Int) {
        let repetitionType = node.element.repetition ?? .required
        let definition = definition + (repetitionType == .required ? 0 : 1)
        let repetition = repetition + (repetitionType == .repeated ? 1 : 0)
        let path = path + [node.element.name]
        if node.isLeaf {
            leaves.append(
                ParquetLeafColumn(
                    element: node.element, path: path, maxDefinitionLevel: definition, maxRepetitionLevel: repetition))
        } else {
            for child in node.children {
                collectLeaves(child, path: path, definition: definition, repetition: repetition)
            }
        }
    }

    private static func layout(
        of node: Node, leafIndex: Int, leafCount: Int
    ) -> Result<ParquetFieldLayout, ParquetUnsupportedField> {
        let element = node.element
        let repetition = element.repetition ?? .required
        if node.isLeaf {
            return ParquetSchema.columnType(of: element).map { valueType in
                if repetition == .repeated {
                    return ParquetFieldLayout(
                        leafIndex: leafIndex, valueType: valueType, type: .list(valueType), nullable: false,
                        elementNullable: false, shape: .list(definedLevel: 0, elementLevel: 1))
                }
                return ParquetFieldLayout(
                    leafIndex: leafIndex, valueType: valueType, type: valueType, nullable: repetition == .optional,
                    elementNullable: false, shape: .flat)
            }
        }
        if isMap(element) { return .failure(ParquetUnsupportedField(kind: "a MAP")) }
        guard isList(element) else {
            return .failure(ParquetUnsupportedField(kind: repetition == .repeated ? "a repeated group" : "a struct"))
        }
        guard repetition != .repeated, node.children.count == 1, let repeated = node.children.first,
            repeated.element.repetition == .repeated
        else {
            return .failure(ParquetUnsupportedField(kind: "a LIST with an unexpected layout"))
        }
        let elementNode: Node
        if repeated.isLeaf {
            elementNode = repeated
        } else if repeated.children.count != 1 || repeated.element.name == "array"
            || repeated.element.name == element.name + "_tuple"
        {
            return .failure(ParquetUnsupportedField(kind: "a list of structs"))
        } else {
            elementNode = repeated.children[0]
        }
        if !elementNode.isLeaf {
            if isList(elementNode.element) { return .failure(ParquetUnsupportedField(kind: "a list of lists")) }
            if isMap(elementNode.element) { return .failure(ParquetUnsupportedField(kind: "a list of maps")) }
            return .failure(ParquetUnsupportedField(kind: "a list of structs"))
        }
        if elementNode.element.repetition == .repeated, !repeated.isLeaf {
            return .failure(ParquetUnsupportedField(kind: "a list of lists"))
        }
        guard leafCount == 1 else { return .failure(ParquetUnsupportedField(kind: "a list of structs")) }
        let definedLevel = repetition == .optional ? 1 : 0
        let elementLevel = definedLevel + 1
        let elementNullable = !repeated.isLeaf && elementNode.element.repetition == .optional
        return ParquetSchema.columnType(of: elementNode.element).map { valueType in
            ParquetFieldLayout(
                leafIndex: leafIndex, valueType: valueType, type: .list(valueType), nullable: repetition == .optional,
                elementNullable: elementNullable, shape: .list(definedLevel: definedLevel, elementLevel: elementLevel))
        }
    }

    /// Whether the leaf's maximum levels are the ones the layout assembles rows from.
    private static func levelsAgree(_ layout: ParquetFieldLayout, _ leaf: ParquetLeafColumn) -> Bool {
        switch layout.shape {
        case .flat:
            return leaf.maxRepetitionLevel == 0 && leaf.maxDefinitionLevel == (layout.nullable ? 1 : 0)
        case .list(_, let elementLevel):
            return leaf.maxRepetitionLevel == 1
                && leaf.maxDefinitionLevel == elementLevel + (layout.elementNullable ? 1 : 0)
        }
    }

    private static func isMap(_ element: ParquetSchemaElement) -> Bool {
        element.logicalType == .map || element.convertedType == .map || element.convertedType == .mapKeyValue
    }

    private static func isList(_ element: ParquetSchemaElement) -> Bool {
        element.logicalType == .list || element.convertedType == .list
    }
}
