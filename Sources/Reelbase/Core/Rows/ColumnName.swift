/// The SQL column a Swift property name stands for: `creatorID` → `creator_id`,
/// `thumbnailURL` → `thumbnail_url`, `isDeleted` → `is_deleted`, `videoIDs` → `video_ids`. A
/// model whose property does not follow this rule names the column in its `CodingKeys` (a
/// snake_case name is kept as is).
func columnName(_ property: String) -> String {
  let chars = Array(property)
  var name = ""
  for (i, c) in chars.enumerated() {
    if c.isUppercase, i > 0 {
      let previous = chars[i - 1]
      // A plural acronym ends in one "s" ("videoIDs" → "video_ids").
      let plural = i + 1 < chars.count && chars[i + 1] == "s" && (i + 2 == chars.count || chars[i + 2].isUppercase)
      let nextIsLower = i + 1 < chars.count && chars[i + 1].isLowercase && !plural
      // A word starts after a lower-case letter or digit, or where an acronym ends ("URLPath").
      if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) {
        name.append("_")
      }
    }
    name.append(contentsOf: c.lowercased())
  }
  return name
}
