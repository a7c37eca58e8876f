resource "aws_iam_policy" "admin" {
  name = "admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "*" # expect: tf-iam-wildcard-action
        Resource = "*"
      },
    ]
  })
}

data "aws_iam_policy_document" "ops" {
  statement {
    actions   = ["s3:GetObject", "*"] # expect: tf-iam-wildcard-action
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "legacy" {
  role   = aws_iam_role.app.id
  policy = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}]}" # expect: tf-iam-wildcard-action
}
