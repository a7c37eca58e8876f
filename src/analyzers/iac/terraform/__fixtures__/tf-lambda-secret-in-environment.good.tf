resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = aws_iam_role.api.arn
  environment {
    variables = {
      LOG_LEVEL          = "info"
      DB_PASSWORD_SECRET_ARN = aws_secretsmanager_secret.db.arn
      API_KEY            = var.api_key
      SESSION_TOKEN      = "${data.aws_ssm_parameter.token.value}"
    }
  }
}
