using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clinic.Data;

/// <summary>
/// Every options section is bound and checked the same way: its rules (data annotations and
/// <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>) run when the app starts,
/// and a broken value stops it with a message naming the setting.
/// </summary>
public static class CheckedOptions
{
    public static OptionsBuilder<T> AddCheckedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section) where T : class =>
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
}
