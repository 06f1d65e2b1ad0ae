using System.Reflection;
using System.Runtime.CompilerServices;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Components;

/// <summary>
/// Every stored element type declares all of its bytes as fields. World files and state hashes
/// are the raw bytes of each column, so implicit padding (which a JIT copy may leave as stack
/// garbage) would make saved bytes depend on what ran before; declared padding fields are
/// always written, so they are always zero.
/// </summary>
public class ColumnLayoutTests
{
    private static IEnumerable<TestCaseData> StoredTypes()
        => ModelFamilies.Catalog.Columns.Columns
            .Select(key => key.ElementType)
            .Where(type => !type.IsPrimitive && !type.IsEnum)
            .Distinct()
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => new TestCaseData(type).SetArgDisplayNames(type.Name));

    [TestCaseSource(nameof(StoredTypes))]
    public void StoredType_HasNoImplicitPadding(Type type)
        => Assert.That(FieldBytes(type), Is.EqualTo(SizeOf(type)), $"{type.Name}: declare its padding as fields");

    private static int FieldBytes(Type type)
    {
        if (type.IsPrimitive || type.IsEnum || type.IsPointer)
            return SizeOf(type);
        int total = 0;
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            var buffer = field.GetCustomAttribute<FixedBufferAttribute>();
            total += buffer != null ? SizeOf(buffer.ElementType) * buffer.Length : FieldBytes(field.FieldType);
        }

        return total;
    }

    private static int SizeOf(Type type)
        => (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!;
}
