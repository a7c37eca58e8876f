resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = aws_iam_role.api.arn
  environment {
    variables = {
      LOG_LEVEL   = "info"
      DB_PASSWORD = "hunter2-prod" # expect: tf-lambda-secret-in-environment
      "API_KEY"   = "sk_live_abc123" # expect: tf-lambda-secret-in-environment
    }
  }
}
