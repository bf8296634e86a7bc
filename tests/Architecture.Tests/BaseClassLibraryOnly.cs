using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;

namespace MesaServicios.Architecture.Tests;

/// <summary>
/// A type that uses only its own assembly and the base class library: every type it names (base type, interfaces,
/// attributes, fields, signatures, generic arguments, and what its method bodies call or create) comes from the
/// assembly it lives in or from an assembly of the runtime (<c>System.*</c>, <c>netstandard</c>, <c>mscorlib</c>).
/// Judged by the referenced assembly, not by namespace, so a package that names its types <c>System.X</c> is caught too.
/// </summary>
internal sealed class BaseClassLibraryOnly : ICustomRule
{
    public bool MeetsRule(TypeDefinition type) => ReferencedTypes(type).All(IsAllowed);

    private static bool IsAllowed(TypeReference reference)
    {
        var scope = reference.GetElementType().Scope;
        return scope is ModuleDefinition
            || scope is AssemblyNameReference { Name: var name } && (name is "netstandard" or "mscorlib" or "System" || name.StartsWith("System.", StringComparison.Ordinal));
    }

    private static IEnumerable<TypeReference> ReferencedTypes(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? reference)
        {
            switch (reference)
            {
                case null or GenericParameter:
                    return;
                case GenericInstanceType generic:
                    Add(generic.ElementType);
                    generic.GenericArguments.ToList().ForEach(Add);
                    return;
                case TypeSpecification specification:
                    Add(specification.ElementType);
                    return;
                default:
                    found.Add(reference);
                    return;
            }
        }

        void AddAttributes(ICustomAttributeProvider provider)
        {
            foreach (var attribute in provider.CustomAttributes)
            {
                Add(attribute.AttributeType);
            }
        }

        void AddMember(MemberReference member)
        {
            Add(member.DeclaringType);
            switch (member)
            {
                case MethodReference method:
                    Add(method.ReturnType);
                    method.Parameters.ToList().ForEach(p => Add(p.ParameterType));
                    if (method is GenericInstanceMethod genericMethod)
                    {
                        genericMethod.GenericArguments.ToList().ForEach(Add);
                    }

                    break;
                case FieldReference field:
                    Add(field.FieldType);
                    break;
            }
        }

        Add(type.BaseType);
        type.Interfaces.ToList().ForEach(i => Add(i.InterfaceType));
        AddAttributes(type);
        foreach (var field in type.Fields)
        {
            Add(field.FieldType);
            AddAttributes(field);
        }

        foreach (var property in type.Properties)
        {
            Add(property.PropertyType);
            AddAttributes(property);
        }

        foreach (var method in type.Methods)
        {
            AddAttributes(method);
            Add(method.ReturnType);
            foreach (var parameter in method.Parameters)
            {
                Add(parameter.ParameterType);
                AddAttributes(parameter);
            }

            if (!method.HasBody)
            {
                continue;
            }

            method.Body.Variables.ToList().ForEach(v => Add(v.VariableType));
            foreach (Instruction instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference operandType:
                        Add(operandType);
                        break;
                    case MemberReference operandMember:
                        AddMember(operandMember);
                        break;
                }
            }
        }

        return found;
    }
}
