using System.Net;
using AgentHost.Bedrock.Errors;
using AgentHost.Bedrock.Wire;

namespace AgentHost.Bedrock.Tests.Errors;

public sealed class BedrockErrorFactoryTests
{
    [Theory]
    [InlineData("ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/", "ThrottlingException")]
    [InlineData("com.amazon.bedrock#ValidationException", "ValidationException")]
    [InlineData("aws.protocoltests#AccessDeniedException,extra", "AccessDeniedException")]
    [InlineData(" ModelTimeoutException ", "ModelTimeoutException")]
    public void NormalizeType_SmithyStyleValues_ReturnsTheBareName(string raw, string expected)
    {
        Assert.Equal(expected, BedrockErrorFactory.NormalizeType(raw));
    }

    [Fact]
    public void FromHttp_NoHeader_TakesTheTypeFromBodyCodeBeforeType()
    {
        var ex = BedrockErrorFactory.FromHttp(HttpStatusCode.ServiceUnavailable, null, new ErrorBody { Message = "busy", Code = "ServiceUnavailableException", Type = "com.amazon#Other" }, "r1");

        var bedrock = Assert.IsType<BedrockException>(ex);
        Assert.Equal("ServiceUnavailableException", bedrock.ErrorType);
        Assert.True(bedrock.IsRetryable);
        Assert.Equal("r1", bedrock.RequestId);
    }

    [Theory]
    [InlineData(HttpStatusCode.FailedDependency, "ModelErrorException", false)]
    [InlineData(HttpStatusCode.RequestTimeout, "ModelTimeoutException", false)]
    [InlineData(HttpStatusCode.TooManyRequests, "ModelNotReadyException", true)]
    [InlineData(HttpStatusCode.InternalServerError, "InternalServerException", true)]
    [InlineData(HttpStatusCode.BadRequest, "ServiceQuotaExceededException", false)]
    [InlineData(HttpStatusCode.NotFound, "ResourceNotFoundException", false)]
    public void FromHttp_ErrorType_DecidesWhetherARetryCanHelp(HttpStatusCode status, string type, bool retryable)
    {
        var ex = Assert.IsType<BedrockException>(BedrockErrorFactory.FromHttp(status, type, new ErrorBody { Message = "m" }, null));

        Assert.Equal(retryable, ex.IsRetryable);
        Assert.Equal(type, ex.ErrorType);
        Assert.Equal(status, ex.StatusCode);
    }

    [Fact]
    public void FromHttp_EmptyBody_StillReportsTheStatus()
    {
        var ex = BedrockErrorFactory.FromHttp(HttpStatusCode.BadGateway, null, null, null);

        Assert.Contains("502", ex.Message, StringComparison.Ordinal);
        Assert.True(Assert.IsType<BedrockException>(ex).IsRetryable);
    }

    [Theory]
    [InlineData("Input is too long for requested model.")]
    [InlineData("prompt is too long: 210000 tokens > 200000 maximum")]
    [InlineData("The model returned the following errors: input length and `max_tokens` exceed context limit")]
    public void FromHttp_ValidationSayingTheInputIsTooLong_IsAContextOverflow(string message)
    {
        Assert.IsType<BedrockContextWindowExceededException>(BedrockErrorFactory.FromHttp(HttpStatusCode.BadRequest, "ValidationException", new ErrorBody { Message = message }, null));
    }

    [Fact]
    public void FromStreamFrame_InternalServerException_IsRetryableWith500()
    {
        var ex = Assert.IsType<BedrockException>(BedrockErrorFactory.FromStreamFrame("internalServerException", "oops"));

        Assert.True(ex.IsRetryable);
        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
    }

    [Fact]
    public void FromStreamFrame_ValidationException_IsAValidationException()
    {
        Assert.IsType<BedrockValidationException>(BedrockErrorFactory.FromStreamFrame("validationException", "bad"));
    }
}
