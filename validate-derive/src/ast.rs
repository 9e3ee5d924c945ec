//! The derive's input as a model that borrows the syn tree: containers, variants, fields, each
//! with its rules and its name on the wire.

use syn::{DeriveInput, Ident, Member, Type};

use crate::attr::{ContainerAttrs, FieldAttrs, Rule};
use crate::case::Casing;
use crate::ctxt::Ctxt;
use crate::serde_attr::{SerdeContainer, SerdeField, Side, Sided};

pub struct Container<'a> {
    pub ident: &'a Ident,
    pub generics: &'a syn::Generics,
    pub data: Data<'a>,
    pub attrs: ContainerAttrs,
    pub serde: SerdeContainer,
}

pub enum Data<'a> {
    Struct(Vec<Field<'a>>),
    Enum(Vec<Variant<'a>>),
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub style: Style,
    /// The names serde reads the variant from: its wire name first, then its aliases.
    pub names: Vec<String>,
    /// `skip` or `skip_deserializing`: never read from a body.
    pub skip: bool,
    /// `#[serde(other)]`: read for any tag no other variant has.
    pub other: bool,
    /// `#[serde(untagged)]` on the variant.
    pub untagged: bool,
    pub fields: Vec<Field<'a>>,
    /// The segment the variant adds to targets: its name for externally tagged enums, the content
    /// key for adjacently tagged ones, nothing for internally tagged and untagged ones.
    pub segment: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Named,
    Tuple,
    Unit,
}

pub struct Field<'a> {
    pub member: Member,
    pub ty: &'a Type,
    pub rules: Vec<Rule>,
    /// The segment the field adds to targets: `None` for a newtype's or a flattened field.
    pub segment: Option<Segment>,
    /// The key serde reads a named field from.
    pub key: Option<String>,
    pub serde: SerdeField,
}

pub enum Segment {
    Member(String),
    Index(usize),
}

/// How serde lays out an enum's variants on the wire.
pub enum Tagging {
    External,
    Internal,
    Adjacent { content: String },
    Untagged,
}

impl Tagging {
    /// How serde lays out the variants of an enum with these serde attributes.
    pub fn of(serde: &SerdeContainer) -> Self {
        tagging_of(serde)
    }
}

impl<'a> Container<'a> {
    /// Reads the input; mistakes go to `cx`. `None` for a union, which was reported.
    pub fn from_ast(cx: &mut Ctxt, input: &'a DeriveInput) -> Option<Self> {
        let serde = SerdeContainer::from_attrs(&input.attrs);
        let attrs = ContainerAttrs::from_attrs(cx, &input.attrs);
        let side = attrs.side();
        let data = match &input.data {
            syn::Data::Struct(data) => {
                let (_, fields) = fields_of(cx, &data.fields, &serde.rename_all, side, serde.transparent);
                Data::Struct(fields)
            }
            syn::Data::Enum(data) => {
                let tagging = tagging_of(&serde);
                let variants = data
                    .variants
                    .iter()
                    .map(|variant| Variant::from_ast(cx, variant, &serde, side, &tagging))
                    .collect();
                Data::Enum(variants)
            }
            syn::Data::Union(data) => {
                cx.error_spanned_by(
                    data.union_token,
                    "`Validate` cannot be derived for a union; use a struct or an enum",
                );
                return None;
            }
        };
        Some(Container { ident: &input.ident, generics: &input.generics, data, attrs, serde })
    }

    /// Every field of every variant.
    pub fn all_fields(&self) -> Box<dyn Iterator<Item = &Field<'a>> + '_> {
        match &self.data {
            Data::Struct(fields) => Box::new(fields.iter()),
            Data::Enum(variants) => Box::new(variants.iter().flat_map(|variant| variant.fields.iter())),
        }
    }
}

fn tagging_of(serde: &SerdeContainer) -> Tagging {
    match (&serde.tag, &serde.content, serde.untagged) {
        (_, _, true) => Tagging::Untagged,
        (Some(_), Some(content), false) => Tagging::Adjacent { content: content.clone() },
        (Some(_), None, false) => Tagging::Internal,
        (None, _, false) => Tagging::External,
    }
}

impl<'a> Variant<'a> {
    fn from_ast(
        cx: &mut Ctxt,
        variant: &'a syn::Variant,
        parent: &SerdeContainer,
        side: Side,
        tagging: &Tagging,
    ) -> Self {
        let serde = SerdeContainer::from_attrs(&variant.attrs);
        // A rule on the variant itself is not supported: report it rather than ignore it.
        for attr in variant.attrs.iter().filter(|attr| attr.path().is_ident("validate")) {
            cx.error_spanned_by(attr, "`#[validate]` goes on the fields of a variant, not on the variant");
        }
        let name_on = |side| {
            serde.rename.get(side).unwrap_or_else(|| {
                let name = variant.ident.to_string();
                parent.rename_all.get(side).map_or_else(|| name.clone(), |casing| casing.variant(&name))
            })
        };
        let wire_name = name_on(Side::Deserialize);
        let variant_serde = crate::serde_attr::SerdeField::from_attrs(&variant.attrs);
        // A variant marked `#[serde(untagged)]` is read from the value alone, whatever the enum's
        // tagging: it adds no segment.
        let segment = match tagging {
            _ if variant_serde.untagged => None,
            Tagging::External => Some(name_on(side)),
            Tagging::Adjacent { content } => Some(content.clone()),
            Tagging::Internal | Tagging::Untagged => None,
        };
        let on = |side| serde.rename_all.get(side).or(parent.rename_all_fields.get(side));
        let field_casing = Sided { deserialize: on(Side::Deserialize), serialize: on(Side::Serialize) };
        let (style, fields) = fields_of(cx, &variant.fields, &field_casing, side, false);
        let names = std::iter::once(wire_name).chain(variant_serde.aliases).collect();
        Variant {
            ident: &variant.ident,
            style,
            names,
            skip: variant_serde.skip,
            other: variant_serde.other,
            untagged: variant_serde.untagged,
            fields,
            segment,
        }
    }
}

fn fields_of<'a>(
    cx: &mut Ctxt,
    fields: &'a syn::Fields,
    casing: &Sided<Casing>,
    side: Side,
    transparent: bool,
) -> (Style, Vec<Field<'a>>) {
    let style = match fields {
        syn::Fields::Named(_) => Style::Named,
        syn::Fields::Unnamed(_) => Style::Tuple,
        syn::Fields::Unit => Style::Unit,
    };
    // A newtype and a transparent struct are their only field on the wire.
    let seamless = transparent || (style == Style::Tuple && fields.len() == 1);
    let fields = fields
        .iter()
        .zip(fields.members())
        .enumerate()
        .map(|(index, (field, member))| {
            let attrs = FieldAttrs::from_attrs(cx, &field.attrs);
            let serde = SerdeField::from_attrs(&field.attrs);
            let key = key_of(&member, &serde, casing, Side::Deserialize);
            if let Some(ours) = &attrs.rename {
                let cased = casing.deserialize.is_some().then_some(key.as_deref()).flatten();
                rename_beside_serde(cx, ours, &serde, cased);
            }
            let target_name =
                if side == Side::Deserialize { key.clone() } else { key_of(&member, &serde, casing, side) };
            let segment = segment_of(&member, index, &attrs, &serde, target_name, seamless);
            Field { member, ty: &field.ty, rules: attrs.rules, segment, key, serde }
        })
        .collect();
    (style, fields)
}

/// `#[validate(rename)]` names a field of a type serde does not read; beside serde's own naming
/// (`rename` on the field, `rename_all` on the type) it would name a member that is not on the
/// wire. `cased` is the name `rename_all` gives the field.
fn rename_beside_serde(cx: &mut Ctxt, ours: &syn::LitStr, serde: &SerdeField, cased: Option<&str>) {
    let by = match (&serde.rename.deserialize, cased) {
        (Some(theirs), _) => format!("this field is read from \"{theirs}\" by `#[serde(rename)]`"),
        (None, Some(theirs)) => format!("this field is read from \"{theirs}\" by the type's `#[serde(rename_all)]`"),
        (None, None) => return,
    };
    let message =
        format!("{by}, which is its name on the wire; `#[validate(rename)]` is for types without serde: remove it");
    cx.error_spanned_by(ours, message);
}

fn segment_of(
    member: &Member,
    index: usize,
    attrs: &FieldAttrs,
    serde: &SerdeField,
    name: Option<String>,
    seamless: bool,
) -> Option<Segment> {
    if let Some(rename) = &attrs.rename {
        return Some(Segment::Member(rename.value()));
    }
    if serde.flatten || seamless {
        return None;
    }
    match (member, name) {
        (Member::Named(_), Some(name)) => Some(Segment::Member(name)),
        _ => Some(Segment::Index(index)),
    }
}

/// The name of a named field on one side of serde (the key it reads, on the deserialize side):
/// its `rename`, or its name in the container's casing.
fn key_of(member: &Member, serde: &SerdeField, casing: &Sided<Casing>, side: Side) -> Option<String> {
    let Member::Named(ident) = member else {
        return None;
    };
    let name = serde.rename.get(side).unwrap_or_else(|| {
        let rust = unraw(ident);
        casing.get(side).map_or_else(|| rust.clone(), |casing| casing.field(&rust))
    });
    Some(name)
}

/// `r#type` → `type`.
pub fn unraw(ident: &Ident) -> String {
    let name = ident.to_string();
    name.strip_prefix("r#").map_or_else(|| name.clone(), str::to_owned)
}
