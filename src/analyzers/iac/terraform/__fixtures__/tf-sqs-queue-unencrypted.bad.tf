resource "aws_sqs_queue" "jobs" { # expect: tf-sqs-queue-unencrypted
  name = "jobs"
}

resource "aws_sqs_queue" "off" {
  name                    = "off"
  sqs_managed_sse_enabled = false # expect: tf-sqs-queue-unencrypted
}
